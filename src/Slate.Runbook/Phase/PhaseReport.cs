namespace Slate.Runbook.Phase;

/// <summary>Every step's standing in runbook order; the next step is the first that is not green.</summary>
public sealed record PhaseReport(IReadOnlyList<PhaseRow> Rows)
{
    public PhaseRow? Next => Rows.FirstOrDefault(r => r.State != PhaseState.Green);
}
