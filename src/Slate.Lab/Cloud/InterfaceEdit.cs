namespace Slate.Lab.Cloud;

/// <summary>Fields of `PUT nodes/{id}/interfaces/{iid}/`; null = unchanged.</summary>
public sealed record InterfaceEdit(string? Name, string? MacAddress, int? VlanId, string? BridgeType, bool? BridgeStp, int? BridgeFd);
