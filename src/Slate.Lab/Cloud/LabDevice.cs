using System.Net;

namespace Slate.Lab.Cloud;

/// <summary>
/// A MAAS device (node_type 1): what Juju's MAAS provider registers for each LXD container (provider/maas/environ.go,
/// allocateContainerAddresses → gomaasapi Machine.CreateDevice): a child of its host machine with the container's MAC
/// and a STICKY address on each subnet it is bound to. <see cref="Parent"/> is null for a device no machine holds.
/// </summary>
public sealed class LabDevice(string systemId, string hostname, string? parent, string mac, IReadOnlyList<(LabSubnet Subnet, IPAddress Ip)> addresses)
{
    public const string InterfaceName = "eth0";

    public string SystemId { get; } = systemId;
    public string Hostname { get; } = hostname;
    public string? Parent { get; } = parent;
    public string Mac { get; } = mac;
    public IReadOnlyList<(LabSubnet Subnet, IPAddress Ip)> Addresses { get; } = addresses;
}
