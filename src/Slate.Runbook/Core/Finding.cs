namespace Slate.Runbook.Core;

/// <summary>
/// How much a finding weighs. Fatal blocks the step (exit 3). Precondition is a state the step may only start from
/// (e.g. the teardown gate holding) that does not hold: the step is refused (exit 4) while it has anything to do, and
/// a read-only gate ignores it (the precondition is about starting, not about the result).
/// </summary>
public enum Severity { Info, Warning, Fatal, Precondition }

/// <summary>
/// Something a step noticed about the live cloud, in the one format pre-flight, plans, gates and drift share: a stable
/// code, the object it is about, what the runbook expects and what was observed.
/// </summary>
public sealed record Finding(Severity Severity, string Code, string Subject, string Message, string? Expected = null, string? Observed = null);
