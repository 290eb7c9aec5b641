namespace Slate.Runbook.Core;

/// <summary>What one run of a step did: the assessment it started from, each action and its outcome, the final gate.</summary>
public sealed record StepRun(
    string Step,
    RunMode Mode,
    ExitCode ExitCode,
    StepAssessment Assessment,
    IReadOnlyList<ActionRecord> Actions,
    GateReport? Gate);

/// <summary>An action of the run; Outcome is null when it was never started.</summary>
public sealed record ActionRecord(PlannedAction Action, ActionOutcome? Outcome, string Detail);
