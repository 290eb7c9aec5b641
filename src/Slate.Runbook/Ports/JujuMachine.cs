namespace Slate.Runbook.Ports;

/// <summary>
/// A machine of a model. On MAAS, InstanceId is the MAAS system_id (<c>pending</c> before provisioning);
/// containers (<c>0/lxd/0</c>) are machines nested under their host.
/// </summary>
/// <param name="AgentStatus">The machine's <c>juju-status</c> (started, pending, down, error...).</param>
/// <param name="InstanceStatus">The cloud's view (<c>machine-status</c>); on MAAS its message is the MAAS status, e.g. Deployed.</param>
public sealed record JujuMachine(
    string Id,
    string? InstanceId,
    string? Hostname,
    string? DisplayName,
    string? DnsName,
    JujuStatusValue? AgentStatus,
    JujuStatusValue? InstanceStatus,
    IReadOnlyList<JujuMachine> Containers);
