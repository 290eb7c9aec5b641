namespace Slate.Runbook.Core;

/// <summary>
/// One runbook step as the runner drives it: assess (identity, a fresh observation, the plan and the gate judged on
/// it), the typed confirmation its plan needs, and each action applied one at a time.
/// </summary>
public interface IStep
{
    /// <summary>The name the journal and the gate command use (e.g. <c>teardown</c>).</summary>
    string Name { get; }

    /// <summary>
    /// The step is a diff of the cloud against the site (the carve, the networks prune, the OSD wipe): after an action
    /// that did not end done, the runner re-observes and goes on while the new plan asks only for what was confirmed.
    /// </summary>
    bool Reconciles { get; }

    Task<StepAssessment> AssessAsync(CancellationToken ct);

    /// <summary>What the operator must type before <paramref name="plan"/> is applied; null when the step needs no confirmation.</summary>
    Confirmation? ConfirmationFor(StepPlan plan);

    Task<ActionResult> ApplyAsync(PlannedAction action, ActionContext context, CancellationToken ct);
}
