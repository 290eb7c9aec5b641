using System.Net;

namespace Slate.Lab.Cloud;

public enum InterfaceType { Physical, Bridge, Vlan, Bond }

public enum LinkMode { Auto, Dhcp, Static, LinkUp }

/// <summary>The wire names of link modes; MAAS matches them case-insensitively (gomaasapi sends STATIC).</summary>
public static class LinkModes
{
    public static string Name(this LinkMode mode) => mode switch
    {
        LinkMode.Auto => "auto",
        LinkMode.Dhcp => "dhcp",
        LinkMode.Static => "static",
        _ => "link_up",
    };

    public static LinkMode Parse(string? mode) => mode?.ToLowerInvariant() switch
    {
        "auto" => LinkMode.Auto,
        "dhcp" => LinkMode.Dhcp,
        "static" => LinkMode.Static,
        "link_up" => LinkMode.LinkUp,
        null or "" => throw LabApiException.Invalid("mode", "This field is required."),
        _ => throw LabApiException.Invalid("mode", $"'{mode}' is not a valid mode.  It should be one of: 'auto', 'dhcp', 'static', 'link_up'."),
    };
}

public sealed class LabLink(int id, LinkMode mode, LabSubnet? subnet, IPAddress? ipAddress)
{
    public int Id { get; } = id;
    public LinkMode Mode { get; } = mode;
    public LabSubnet? Subnet { get; } = subnet;
    public IPAddress? IpAddress { get; set; } = ipAddress;
}

/// <summary>An address commissioning saw on an interface (models/interface.py get_discovered).</summary>
public sealed record LabDiscoveredAddress(LabSubnet Subnet, IPAddress Ip);

public sealed class LabInterface(int id, string name, InterfaceType type, string macAddress)
{
    public int Id { get; } = id;
    public string Name { get; set; } = name;
    public InterfaceType Type { get; } = type;
    public string MacAddress { get; set; } = macAddress;
    public LabVlan? Vlan { get; set; }
    public List<LabInterface> Parents { get; } = [];
    public List<LabLink> Links { get; } = [];

    /// <summary>
    /// The addresses commissioning observed on the NIC (DISCOVERED rows: a DHCP lease). They are not links: unlinking
    /// and VLAN changes leave them, a new commissioning replaces them (metadataserver/builtin_scripts/network.py update_links).
    /// </summary>
    public List<LabDiscoveredAddress> Discovered { get; } = [];

    /// <summary>Bridge parameters; null for other interface types.</summary>
    public string? BridgeType { get; set; }
    public bool BridgeStp { get; set; }
    public int BridgeFd { get; set; } = 15;

    /// <summary>Bond mode; null for other interface types.</summary>
    public string? BondMode { get; set; }
}
