namespace Slate.Runbook.Ports;

/// <summary>A libvirt network. Xml is its persistent definition, suitable as a backup to re-define it from.</summary>
public sealed record HypervisorNetwork(string Name, bool Active, string? Bridge, string Xml);
