using System.Net;

namespace Slate.Lab.Cloud;

/// <summary>`op=create_physical`.</summary>
public sealed record PhysicalSpec(string? Name, string? MacAddress, int? VlanId);

/// <summary>`op=create_bridge`; <see cref="BridgeType"/> is "standard" or "ovs" (see <see cref="BridgeTypes"/>).</summary>
public sealed record BridgeSpec(string? Name, int? ParentId, string BridgeType, string? MacAddress, int? VlanId, bool Stp, int ForwardDelay);

/// <summary>`op=create_vlan`.</summary>
public sealed record VlanInterfaceSpec(string? Name, int? ParentId, int? VlanId);

/// <summary>`op=create_bond`.</summary>
public sealed record BondSpec(string? Name, IReadOnlyList<int> ParentIds, string? MacAddress, int? VlanId, string BondMode);

/// <summary>`op=link_subnet`; <see cref="Subnet"/> is the specifier as given (id, CIDR or name).</summary>
public sealed record LinkSubnetCommand(LinkMode Mode, string? Subnet, IPAddress? IpAddress, bool Force, bool DefaultGateway);

/// <summary>Fields of `PUT nodes/{id}/interfaces/{iid}/`; null = unchanged.</summary>
public sealed record InterfaceEdit(string? Name, string? MacAddress, int? VlanId, string? BridgeType, bool? BridgeStp, int? BridgeFd);

/// <summary>MAAS's bridge types (BRIDGE_TYPE_CHOICES) and its invalid-choice text (forms/interface.py).</summary>
public static class BridgeTypes
{
    public static string Parse(string? value) => value is null or "" ? "standard"
        : value is "standard" or "ovs" ? value
        : throw LabApiException.Invalid("bridge_type", $"'{value}' is not a valid bridge_type.  It should be one of: 'standard', 'ovs'.");
}
