namespace Slate.Runbook.Ports;

/// <summary>A machine as re-enrolment watches it: its status with MAAS's status message, and every MAC it holds (lower case).</summary>
public sealed record EnlistedMachine(string SystemId, string Hostname, string StatusName, string StatusMessage, IReadOnlyList<string> Macs);
