namespace Slate.Runbook.Core;

/// <summary>A step that changes something: the runner hands it the plain form back, and it applies its own typed action.</summary>
public abstract class ActingStep<TObservation, TAction>(IStepServices services) : Step<TObservation>(services)
    where TAction : IStepAction<TAction>
{
    public sealed override Task<ActionResult> ApplyAsync(PlannedAction action, ActionContext context, CancellationToken ct) =>
        ApplyAsync(TAction.From(action), context, ct);

    protected abstract Task<ActionResult> ApplyAsync(TAction action, ActionContext context, CancellationToken ct);
}
