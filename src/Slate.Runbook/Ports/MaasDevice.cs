namespace Slate.Runbook.Ports;

/// <summary>A MAAS device: its parent machine's system_id (null when no machine holds it) and the addresses it holds.</summary>
public sealed record MaasDevice(string SystemId, string Hostname, string? Parent, IReadOnlyList<string> Addresses);
