using System.Net;

namespace Slate.Runbook.Sites;

/// <summary>A loaded, validated site file: what the operator decides about one cloud.</summary>
public sealed record Site(
    string SourcePath,
    CloudIdentity Cloud,
    IReadOnlyList<Plane> Planes,
    IReadOnlyList<Host> Hosts,
    IReadOnlyList<InterfaceTemplate> Interfaces,
    IReadOnlyList<string> Protected,
    IReadOnlyList<string> Orphans,
    LibvirtSettings Libvirt,
    OsdDiskRule Osd,
    BundleRules Bundle)
{
    public Plane Plane(string name) => Planes.First(p => p.Name == name);

    public Host Host(string name) => Hosts.First(h => h.Name == name);

    public bool IsProtected(string hostname) => Protected.Contains(hostname, StringComparer.Ordinal);

    /// <summary>The STATIC address of a host on a plane: the plane's network address plus the host number.</summary>
    public static IPAddress AddressOf(Host host, Plane plane) => plane.AddressFor(host.Number);
}

public enum CloudEnvironment { Test, Production }

public sealed record CloudIdentity(string Name, CloudEnvironment Environment, string MaasName, string JujuController, string JujuModel);

/// <summary>
/// One of the planes: a MAAS space with exactly one IPv4 subnet. Vid 0 is untagged. Dhcp is the dynamic range MAAS serves
/// DHCP from on the plane and Reserved its reserved ranges, as the site describes them: the lab seeds its MAAS from them,
/// while every step reads the real MAAS's ranges live.
/// </summary>
public sealed record Plane(string Name, IPNetwork Cidr, int Vid, AddressRange? Dhcp = null, IReadOnlyList<AddressRange>? Reserved = null)
{
    public IPAddress AddressFor(int hostNumber) => AddressRange.FromNumber(AddressRange.Number(Cidr.BaseAddress) + (uint)hostNumber);

    public IReadOnlyList<AddressRange> ReservedRanges => Reserved ?? [];

    /// <summary>True when network + n is a usable host address (not the network or broadcast address).</summary>
    public bool HoldsHostNumber(int hostNumber) => hostNumber >= 1 && hostNumber < (1L << (32 - Cidr.PrefixLength)) - 1;
}

public sealed record Host(string Name, int Number, string? ProviderMac);

public enum InterfaceKind { Physical, Bridge, Vlan }

public enum BridgeType { Standard, Ovs }

/// <summary>One interface of the Pattern A tree. Plane set = a STATIC link at plane.n on this interface.</summary>
public sealed record InterfaceTemplate(string Name, InterfaceKind Kind, string? Parent, string? Plane, BridgeType BridgeType, int Vid);

public sealed record StaleNetwork(string Name, string Bridge);

/// <summary>BootNetwork: the libvirt network (or host bridge) of each host's PXE NIC, the plane where MAAS serves DHCP/PXE; null when the site does not say.</summary>
public sealed record LibvirtSettings(string Uri, string PowerAddress, string ImagesDir, IReadOnlyList<StaleNetwork> StaleNetworks, string? BootNetwork);

public sealed record OsdDiskRule(
    string Device, string FileTemplate, long SizeBytes, string Format, string Owner, string Group, int Mode, IReadOnlyList<string> NeverTouch)
{
    public string FileFor(Host host, string imagesDir) =>
        FileTemplate.Replace("{images}", imagesDir, StringComparison.Ordinal).Replace("{host}", host.Name, StringComparison.Ordinal);
}

public sealed record ChassisRule(string Application, string Option, string Bridge);

public sealed record BundleRules(
    IReadOnlyList<string> ApiCharms,
    string PublicEndpoint,
    string PublicPlane,
    IReadOnlyList<string> VipPlanes,
    ChassisRule Chassis,
    IReadOnlyDictionary<string, int> Units,
    IReadOnlyList<string> Policyd,
    IReadOnlyList<string> ForbiddenOverlays);
