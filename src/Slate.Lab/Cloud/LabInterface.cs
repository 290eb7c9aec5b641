using System.Net;

namespace Slate.Lab.Cloud;

public enum InterfaceType { Physical, Bridge, Vlan }

public enum LinkMode { Auto, Dhcp, Static, LinkUp }

public sealed class LabLink(int id, LinkMode mode, LabSubnet? subnet, IPAddress? ipAddress)
{
    public int Id { get; } = id;
    public LinkMode Mode { get; } = mode;
    public LabSubnet? Subnet { get; } = subnet;
    public IPAddress? IpAddress { get; set; } = ipAddress;
}

public sealed class LabInterface(int id, string name, InterfaceType type, string macAddress)
{
    public int Id { get; } = id;
    public string Name { get; set; } = name;
    public InterfaceType Type { get; } = type;
    public string MacAddress { get; set; } = macAddress;
    public LabVlan? Vlan { get; set; }
    public List<LabInterface> Parents { get; } = [];
    public List<LabLink> Links { get; } = [];

    /// <summary>Bridge parameters; null for other interface types.</summary>
    public string? BridgeType { get; set; }
    public bool BridgeStp { get; set; }
    public int BridgeFd { get; set; } = 15;
}
