namespace Slate.Lab.Cloud;

/// <summary>`op=create_physical`.</summary>
public sealed record PhysicalSpec(string? Name, string? MacAddress, int? VlanId);
