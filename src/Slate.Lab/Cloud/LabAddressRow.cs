using System.Net;

namespace Slate.Lab.Cloud;

/// <summary>MAAS's IPADDRESS_TYPE (maasserver/enum.py): how a StaticIPAddress row came to be.</summary>
public enum AddressKind { Auto = 0, Sticky = 1, UserReserved = 4, Dhcp = 5, Discovered = 6 }

/// <summary>MAAS's NODE_TYPE (maascommon/enums/node.py) as the address summary renders it.</summary>
public enum NodeKind { Machine = 0, Device = 1, RackController = 2, RegionController = 3, RegionAndRackController = 4 }

/// <summary>The node an address row belongs to, as `op=ip_addresses` summarises it; Via is the interface holding it.</summary>
public sealed record LabAddressHolder(string SystemId, string Hostname, NodeKind Kind, string? Via, bool IsContainer = false);

/// <summary>
/// One StaticIPAddress row of a subnet (models/staticipaddress.py): an address a machine's link holds, one commissioning
/// discovered, or one standing on its own (the rack's, a device's, an address MAAS saw on the wire). Holder is null for
/// a row no node owns.
/// </summary>
public sealed record LabAddressRow(IPAddress Ip, LabSubnet Subnet, AddressKind Kind, LabAddressHolder? Holder, string? User = null);
