namespace Slate.Runbook.Core;

/// <summary>
/// The operator's side of a run, as the runner sees it: implemented by the CLI (tables and lines on a terminal, one
/// JSON document with --json, a rehearsal that answers its own confirmations). The domain never touches the console.
/// </summary>
public interface IRunObserver
{
    void Assessed(StepAssessment assessment, RunMode mode);

    /// <summary>Asks the operator to type the confirmation's value; null when there is no one to ask (no terminal).</summary>
    Task<string?> AskAsync(Confirmation confirmation, CancellationToken ct);

    void ActionStarted(PlannedAction action);

    void Progress(string line);

    void ActionFinished(PlannedAction action, ActionResult result);

    /// <summary>A sentence for the operator: why the run stopped, what to do next.</summary>
    void Note(string line);

    void GateChecked(GateReport gate);
}

public enum RunMode
{
    /// <summary>Observe and plan only (the default: a dry run).</summary>
    Plan,

    /// <summary>Plan, confirm, apply, and prove the gate.</summary>
    Apply,

    /// <summary>Only the gate, on a fresh observation.</summary>
    Gate,
}
