using Slate.Runbook.Core;

namespace Slate.Runbook.Phase;

/// <summary>
/// `slate status`: each step assessed live, in runbook order, and judged green, ready, waiting or red. A step waits
/// while a step it comes after is not green, so the first step that is not green is always the one to run next.
/// </summary>
public static class PhaseStatus
{
    public static async Task<PhaseReport> ReadAsync(IReadOnlyList<PhaseEntry> entries, CancellationToken ct)
    {
        var rows = new List<PhaseRow>();
        var gates = new List<(PhaseEntry Entry, GateReport Gate)>();
        foreach (var entry in entries)
        {
            var assessment = await entry.Step.AssessAsync(ct).ConfigureAwait(false);
            rows.Add(Judge(entry, assessment, gates));
            gates.Add((entry, assessment.Gate));
        }
        return new PhaseReport(rows);
    }

    private static PhaseRow Judge(PhaseEntry entry, StepAssessment assessment, IReadOnlyList<(PhaseEntry Entry, GateReport Gate)> earlier)
    {
        var plan = assessment.Plan;
        var gate = assessment.Gate;
        var fatal = plan.Findings.Where(f => f.Severity == Severity.Fatal).ToList();
        var changes = entry.Mutates ? plan.Actions.Count : 0;
        if (gate.Green && changes == 0 && (entry.Mutates || fatal.Count == 0))
            return new PhaseRow(entry, PhaseState.Green, gate.Lines.Count == 0 ? "no fatal findings" : $"gate holds ({gate.Lines.Count} line(s))");
        foreach (var requirement in entry.After)
        {
            foreach (var (before, beforeGate) in earlier.Where(e => e.Entry.Name == requirement.Step))
            {
                if (requirement.Unmet(beforeGate) is { Count: > 0 } unmet)
                    return new PhaseRow(entry, PhaseState.Waiting, $"after `{before.Command}` ({Brief(unmet)})");
            }
        }
        if (plan.Findings.FirstOrDefault(f => f.Severity == Severity.Precondition) is { } precondition)
            return new PhaseRow(entry, PhaseState.Waiting, precondition.Message);
        if (changes > 0 && fatal.Count == 0)
            return new PhaseRow(entry, PhaseState.Ready, $"{changes} change(s) planned: {string.Join(", ", plan.Actions.Take(3).Select(a => $"{a.Kind} {a.Subject}"))}{(changes > 3 ? ", …" : "")}");
        if (fatal.Count > 0)
            return new PhaseRow(entry, PhaseState.Red, $"{fatal.Count} fatal finding(s): {fatal[0].Code} {fatal[0].Subject}: {fatal[0].Message}");
        return new PhaseRow(entry, PhaseState.Red, Brief(gate.Lines.Where(l => !l.Holds).ToList()));
    }

    /// <summary>The first red line and how many there are: one table cell's worth.</summary>
    private static string Brief(IReadOnlyList<GateLine> red) =>
        $"{red.Count} gate line(s) red: {red[0].Code} {red[0].Subject}: {red[0].Observed}{(red.Count > 1 ? ", …" : "")}";
}
