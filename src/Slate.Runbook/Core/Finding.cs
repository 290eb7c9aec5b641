namespace Slate.Runbook.Core;

public enum Severity { Info, Warning, Fatal }

/// <summary>
/// Something a step noticed about the live cloud, in the one format pre-flight, plans, gates and drift share: a stable
/// code, the object it is about, what the runbook expects and what was observed. A fatal finding blocks the step (exit 3).
/// </summary>
public sealed record Finding(Severity Severity, string Code, string Subject, string Message, string? Expected = null, string? Observed = null);
