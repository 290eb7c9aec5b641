namespace Slate.Runbook.Core;

/// <summary>
/// What a step would do now: what it observed (tables), what it noticed (findings), the actions in order, notes the
/// operator must read, and the baseline facts the journal keeps so that a later gate can compare against them.
/// </summary>
public sealed record StepPlan(
    string Heading,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<PlannedAction> Actions,
    IReadOnlyList<string> Notes,
    IReadOnlyDictionary<string, string> Baseline)
{
    /// <summary>A closing line the operator reads last, after the actions (the carve's <c>Summary: N fatal, M changes</c>); null for none.</summary>
    public string? Summary { get; init; }

    public bool HasFatal => Findings.Any(f => f.Severity == Severity.Fatal);

    /// <summary>A precondition does not hold: the plan's actions are refused with exit 4.</summary>
    public bool HasUnmetPrecondition => Findings.Any(f => f.Severity == Severity.Precondition);

    public string Fingerprint => PlanFingerprint.Of(this);
}
