using Slate.Runbook.Sites;

namespace Slate.Runbook.Core;

/// <summary>
/// The shape every step has: <see cref="ObserveAsync"/> reads what it needs, <see cref="Plan"/> and <see cref="Gate"/>
/// judge that one observation. Identity is checked first, before anything else is read.
/// </summary>
public abstract class Step<TObservation>(IStepServices services) : IStep
{
    protected IStepServices Services { get; } = services;

    protected Site Site => Services.Site;

    public abstract string Name { get; }

    public virtual bool Reconciles => false;

    /// <summary>False for a step that may run without MAAS (the offline bundle gate).</summary>
    protected virtual bool ChecksIdentity => true;

    protected abstract Task<TObservation> ObserveAsync(CancellationToken ct);

    protected abstract StepPlan Plan(TObservation observation);

    protected abstract GateReport Gate(TObservation observation);

    public async Task<StepAssessment> AssessAsync(CancellationToken ct)
    {
        var (maasName, observation) = await ReadAsync(ct).ConfigureAwait(false);
        return new StepAssessment(maasName, Plan(observation), Gate(observation));
    }

    /// <summary>The identity check, then a fresh observation. MaasName is empty when the step does not check identity.</summary>
    public async Task<(string MaasName, TObservation Observation)> ReadAsync(CancellationToken ct)
    {
        var maasName = ChecksIdentity ? await CloudIdentityCheck.VerifyAsync(Site, Services.Maas, ct).ConfigureAwait(false) : "";
        return (maasName, await ObserveAsync(ct).ConfigureAwait(false));
    }

    public virtual Confirmation? ConfirmationFor(StepPlan plan) => null;

    /// <summary>Read-only steps plan no actions, so the runner never calls this on them.</summary>
    public virtual Task<ActionResult> ApplyAsync(PlannedAction action, ActionContext context, CancellationToken ct) =>
        throw new InvalidOperationException($"{Name} is read-only: it has no action {action.Kind}");
}
