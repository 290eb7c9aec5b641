namespace Slate.Lab.Cloud;

/// <summary>`op=create_bridge`; <see cref="BridgeType"/> is "standard" or "ovs" (see <see cref="BridgeTypes"/>).</summary>
public sealed record BridgeSpec(string? Name, int? ParentId, string BridgeType, string? MacAddress, int? VlanId, bool Stp, int ForwardDelay);
