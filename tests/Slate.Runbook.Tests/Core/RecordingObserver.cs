using Slate.Runbook.Core;

namespace Slate.Runbook.Tests.Core;

/// <summary>The operator's side of a run, recorded; Answers are what the operator types at each prompt (none left: no terminal).</summary>
internal sealed class RecordingObserver : IRunObserver
{
    public Queue<string> Answers { get; } = new();
    public List<string> Events { get; } = [];
    public List<Confirmation> Asked { get; } = [];
    public Action<string>? OnActionStarted { get; set; }
    public Action? OnAsked { get; set; }

    public void Assessed(StepAssessment assessment, RunMode mode) => Events.Add($"assessed {mode}");

    public Task<string?> AskAsync(Confirmation confirmation, CancellationToken ct)
    {
        Asked.Add(confirmation);
        OnAsked?.Invoke();
        return Task.FromResult(Answers.TryDequeue(out var answer) ? answer : null);
    }

    public void ActionStarted(PlannedAction action)
    {
        Events.Add($"started {action.Kind}");
        OnActionStarted?.Invoke(action.Kind);
    }

    public void Progress(string line) => Events.Add($"progress {line}");

    public void ActionFinished(PlannedAction action, ActionResult result) => Events.Add($"finished {action.Kind} {result.Outcome}");

    public void Note(string line) => Events.Add($"note {line}");

    public void GateChecked(GateReport gate) => Events.Add($"gate {(gate.Green ? "green" : "red")}");
}
