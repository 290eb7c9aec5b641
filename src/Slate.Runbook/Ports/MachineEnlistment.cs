namespace Slate.Runbook.Ports;

/// <summary>
/// What POST machines/ is given for a virsh host: its boot NIC's MAC and how MAAS powers it. The password is sent in
/// the request body only.
/// </summary>
public sealed record MachineEnlistment(string Hostname, string Architecture, string BootMac, VirshPower Power);
