using Slate.Runbook.Core;

namespace Slate.Libvirt.Tests.Real.Steps;

/// <summary>The operator's side of a run, kept as lines for a failure message; confirmations come from the runner's list.</summary>
internal sealed class RecordingRunObserver : IRunObserver
{
    public List<string> Lines { get; } = [];

    public void Assessed(StepAssessment assessment, RunMode mode) =>
        Lines.AddRange(assessment.Plan.Findings.Select(f => $"{f.Severity} {f.Code} {f.Subject}: {f.Message}"));

    public Task<string?> AskAsync(Confirmation confirmation, CancellationToken ct) => Task.FromResult<string?>(null);

    public void ActionStarted(PlannedAction action) => Lines.Add($"started {action.Kind} {action.Subject}");

    public void Progress(string line) => Lines.Add(line);

    public void ActionFinished(PlannedAction action, ActionResult result) => Lines.Add($"{result.Outcome} {action.Kind} {action.Subject}: {result.Detail}");

    public void Note(string line) => Lines.Add(line);

    public void GateChecked(GateReport gate) => Lines.AddRange(gate.Lines.Where(l => !l.Holds).Select(l => $"FAIL {l.Code} {l.Subject}: {l.Observed} (expected {l.Expected})"));
}
