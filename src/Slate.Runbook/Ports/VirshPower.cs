using Slate.Runbook.Core;

namespace Slate.Runbook.Ports;

/// <summary>How MAAS powers a virsh host: the hypervisor's address, the domain's name and the SSH password (printed as ***).</summary>
public sealed record VirshPower(string Address, string Domain, SecretText Password);
