namespace Slate.Lab.Cloud;

/// <summary>`op=create_vlan`.</summary>
public sealed record VlanInterfaceSpec(string? Name, int? ParentId, int? VlanId);
