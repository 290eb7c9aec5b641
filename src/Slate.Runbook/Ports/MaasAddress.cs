namespace Slate.Runbook.Ports;

/// <summary>An address MAAS has assigned on a subnet and the node holding it (null for a reservation or a DNS record).</summary>
public sealed record MaasAddress(string Ip, string? SystemId, string? Hostname, string? Via);
