namespace Slate.Runbook.Ports;

/// <summary>
/// One address row of a subnet (`op=ip_addresses`): the address, how it came to be, and the node holding it (null for a
/// row no node owns: a reservation, a DNS record, an address MAAS only saw on the wire). HolderKind says what the node is.
/// </summary>
public sealed record MaasAddress(
    string Ip, string? SystemId, string? Hostname, string? Via, MaasAddressKind Kind = MaasAddressKind.Sticky, MaasNodeKind HolderKind = MaasNodeKind.Machine)
{
    /// <summary>The holder as an operator reads it: "capi-mgmt (machine, enp8s0)", "a DHCP lease no node holds", ….</summary>
    public string Holder => Hostname is null
        ? Kind switch
        {
            MaasAddressKind.Discovered => "an address MAAS saw in use on the network (discovered, no node)",
            MaasAddressKind.Dhcp => "a DHCP lease no node holds",
            _ => "a reservation (no node)",
        }
        : $"{Hostname} ({HolderText}{(Via is null ? "" : $", {Via}")}{(Kind == MaasAddressKind.Discovered ? ", discovered" : "")})";

    /// <summary>The rows of the subnet that hold the address; none when that subnet's rows were not read.</summary>
    public static IEnumerable<MaasAddress> Holding(IReadOnlyDictionary<int, IReadOnlyList<MaasAddress>>? rows, int subnetId, string ip) =>
        rows?.GetValueOrDefault(subnetId)?.Where(a => a.Ip == ip) ?? [];

    private string HolderText => HolderKind switch
    {
        MaasNodeKind.Device => "device",
        MaasNodeKind.RackController => "rack controller",
        MaasNodeKind.RegionController => "region controller",
        MaasNodeKind.RegionAndRackController => "region and rack controller",
        _ => "machine",
    };
}

/// <summary>MAAS's IPADDRESS_TYPE (maasserver/enum.py).</summary>
public enum MaasAddressKind { Auto = 0, Sticky = 1, UserReserved = 4, Dhcp = 5, Discovered = 6 }

/// <summary>MAAS's NODE_TYPE (maascommon/enums/node.py).</summary>
public enum MaasNodeKind { Machine = 0, Device = 1, RackController = 2, RegionController = 3, RegionAndRackController = 4 }
