namespace Slate.Lab.Cloud;

/// <summary>`op=create_bond`.</summary>
public sealed record BondSpec(string? Name, IReadOnlyList<int> ParentIds, string? MacAddress, int? VlanId, string BondMode);
