namespace Slate.Runbook.Ports;

/// <summary>
/// <c>juju status</c> of one model. Blocks juju could not build (<c>{"status-error": ...}</c>) are listed in
/// <see cref="Errors"/>; the machine, application or unit they belong to is still present with the fields it lacks null.
/// </summary>
public sealed record JujuModelStatus(
    string? ModelName,
    IReadOnlyList<JujuMachine> Machines,
    IReadOnlyList<JujuApplication> Applications,
    IReadOnlyList<JujuStatusError> Errors);

/// <summary>A juju status block: <c>current</c> (e.g. <c>started</c>, <c>active</c>) and its message.</summary>
public sealed record JujuStatusValue(string? Current, string? Message);

/// <summary>A status block juju reported as an error instead of a value. Where is e.g. <c>machine 3</c> or <c>unit keystone/0 workload-status</c>.</summary>
public sealed record JujuStatusError(string Where, string Message);
