namespace Slate.Runbook.Ports;

/// <summary>
/// A machine as re-enrolment watches it: its status with MAAS's status message, its power state ("error" when MAAS
/// cannot drive its BMC) and every MAC it holds (lower case).
/// </summary>
public sealed record EnlistedMachine(string SystemId, string Hostname, string StatusName, string StatusMessage, string PowerState, IReadOnlyList<string> Macs);
