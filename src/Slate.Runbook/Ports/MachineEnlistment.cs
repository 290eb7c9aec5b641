using Slate.Runbook.Core;

namespace Slate.Runbook.Ports;

/// <summary>
/// What POST machines/ is given for a virsh host: its boot NIC's MAC, and the power address and id (the libvirt domain)
/// MAAS powers it with. The password is sent in the request body only; this record prints it as ***.
/// </summary>
public sealed record MachineEnlistment(string Hostname, string Architecture, string BootMac, string PowerAddress, string PowerId, SecretText PowerPassword);
