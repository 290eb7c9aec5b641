using Slate.Runbook.Phase;
using Slate.Runbook.Ports;

namespace Slate.Runbook.Core;

/// <summary>
/// The one runner every step goes through: identity → observe → plan → show → (stop here unless applying) → typed
/// confirmation → each action journalled before and after → a fresh observation → the gate → the exit code.
/// </summary>
public sealed class StepRunner(IStepServices services, IRunObserver observer, Interruption interruption, IReadOnlyList<string> confirmations)
{
    private readonly List<ActionRecord> _records = [];
    private string _run = "";

    /// <summary>The saved plan being applied (`slate apply`): refused unless a fresh plan is the same one, and used once.</summary>
    public SavedPlan? Saved { get; init; }

    /// <summary>`--approve FINGERPRINT`: the approver saw this exact plan; it stands for the step's first typed confirmation.</summary>
    public string? Approval { get; init; }

    /// <summary>The run's id when the command has journalled under it already (taking the cloud's lock over); else a new one.</summary>
    public string? Run { get; init; }

    /// <summary>Runs <paramref name="step"/>; a step of the runbook that would change something is first held to the runbook's order.</summary>
    public async Task<StepRun> RunAsync(IStep step, RunMode mode)
    {
        _run = Run ?? RunId.New(services.Time);
        var assessment = mode == RunMode.Gate
            ? await step.AssessAsync(interruption.Stop).ConfigureAwait(false)
            : await AssessInOrderAsync(step, interruption.Stop).ConfigureAwait(false);
        var plan = assessment.Plan;
        observer.Assessed(assessment, mode);
        if (Saved is { } saved && saved.RefusalFor(plan, services.Journal.Entries()) is { } refusal)
        {
            observer.Note($"Refused: {refusal.Why}; nothing was changed.");
            foreach (var change in refusal.Changes.Take(20))
                observer.Note($"  changed: {change}");
            Journal(step, JournalEvent.Refused, saved.Fingerprint, detail: $"saved plan {saved.Id}: {refusal.Why}");
            return Done(step, mode, assessment, ExitCode.Refused, null);
        }
        if (mode == RunMode.Gate || (plan.Actions.Count == 0 && !plan.HasFatal))
        {
            if (mode != RunMode.Gate && plan.Actions.Count == 0)
                observer.Note("Nothing to do: the cloud is already where this step leads.");
            return Finish(step, mode, assessment, assessment.Gate);
        }
        if (plan.HasUnmetPrecondition)
        {
            observer.Note(mode == RunMode.Apply
                ? "Refused: a precondition does not hold; nothing was changed."
                : "A precondition does not hold: --apply would be refused.");
            return Done(step, mode, assessment, ExitCode.Refused, null);
        }
        if (plan.HasFatal)
        {
            observer.Note(mode == RunMode.Apply
                ? "Refused: the plan has fatal findings; nothing was changed."
                : "The plan has fatal findings: --apply would be refused.");
            return Done(step, mode, assessment, ExitCode.GateRed, null);
        }
        if (mode == RunMode.Plan)
        {
            observer.Note($"Dry run: nothing was changed. Re-run with --apply to make these {plan.Actions.Count} change(s) (plan {plan.Fingerprint}).");
            return Done(step, mode, assessment, ExitCode.Ok, null);
        }
        return await ApplyAsync(step, assessment).ConfigureAwait(false);
    }

    private async Task<StepRun> ApplyAsync(IStep step, StepAssessment assessment)
    {
        var plan = assessment.Plan;
        // A saved plan is approved by its sealed print (id, flags, actions), which RefusalFor has just matched to this plan.
        var consent = new Consent(observer, interruption, confirmations, Approval, Saved?.Fingerprint ?? plan.Fingerprint,
            (what, detail) => Journal(step, what, plan.Fingerprint, detail: detail));
        if (step.ConfirmationFor(plan) is { } confirmation && !await consent.GivenAsync(confirmation, approvable: true).ConfigureAwait(false))
            return Done(step, RunMode.Apply, assessment, interruption.StopRequested ? interruption.Code : ExitCode.Refused, null);
        if (Saved is { } saved)
            Journal(step, JournalEvent.SavedPlan, plan.Fingerprint, detail: saved.Id);
        Journal(step, JournalEvent.Plan, plan.Fingerprint, arguments: plan.Baseline,
            detail: string.Join(" ", [$"{plan.Actions.Count} action(s): {string.Join(", ", plan.Actions.Select(a => $"{a.Kind} {a.Subject}"))}.", .. plan.Notes]));
        var queue = new Queue<PlannedAction>(plan.Actions);
        var context = new ActionContext(new Progress(observer), services.Journal, interruption.Stop);
        var reconciliation = new Reconciliation(plan.Actions);
        while (queue.TryDequeue(out var action))
        {
            if (interruption.StopRequested)
                return Interrupted(step, assessment, queue.Prepend(action), "stopped before this action");
            var result = await ApplyOneAsync(step, plan, action, context).ConfigureAwait(false);
            if (result is null)
                return Interrupted(step, assessment, queue, "aborted while it ran");
            if (result.Outcome != ActionOutcome.Done)
            {
                if (step.Reconciles && reconciliation.MayTry)
                {
                    // The new plan is held to the same preconditions as the first: the runbook's order included.
                    var after = await AssessInOrderAsync(step, CancellationToken.None).ConfigureAwait(false);
                    var reconciled = reconciliation.Reconcile(action, result.Outcome, after.Plan, _records);
                    Journal(step, JournalEvent.Reconciled, plan.Fingerprint, detail: reconciled.Why);
                    observer.Note(reconciled.Why);
                    if (reconciled.Actions is null)
                        return Unreconciled(step, assessment, after, queue);
                    queue = new Queue<PlannedAction>(reconciled.Actions);
                    continue;
                }
                observer.Note($"Stopped: {action.Kind} {action.Subject} {Event(result.Outcome).Word()}. Nothing after it was started; the next run re-observes.");
                Skip(queue);
                return await RegateAsync(step, assessment, ExitCode.Error).ConfigureAwait(false);
            }
            if (result.FollowUp is { } followUp)
            {
                if (!await consent.GivenAsync(followUp.Confirmation, approvable: false).ConfigureAwait(false))
                {
                    Skip(followUp.Actions.Concat(queue));
                    return await RegateAsync(step, assessment, interruption.StopRequested ? interruption.Code : ExitCode.Refused).ConfigureAwait(false);
                }
                queue = new Queue<PlannedAction>(followUp.Actions.Concat(queue));
                reconciliation.Confirm(followUp.Actions);
            }
        }
        if (!interruption.StopRequested)
            return await RegateAsync(step, assessment, null).ConfigureAwait(false);
        // The signal came during the last action, which finished: nothing is left, but the run was still interrupted.
        Journal(step, JournalEvent.Interrupted, plan.Fingerprint, detail: "stopped during the last action, which finished; 0 action(s) not started");
        observer.Note("Interrupted during the last action, which finished; nothing was left to start.");
        return await RegateAsync(step, assessment, interruption.Code).ConfigureAwait(false);
    }

    /// <summary>Runs one action between its "started" and outcome entries; null when a second signal aborted it.</summary>
    private async Task<ActionResult?> ApplyOneAsync(IStep step, StepPlan plan, PlannedAction action, ActionContext context)
    {
        Journal(step, JournalEvent.Started, plan.Fingerprint, action);
        observer.ActionStarted(action);
        // A first signal is answered at once, not when the action ends (a wait may be tens of minutes away from it).
        using var answered = interruption.Stop.Register(() => observer.Note(
            $"Stopping after {action.Kind} {action.Subject} finishes (a wait in it ends now; the change it waits on is made). " +
            "Ctrl-C again aborts it, and its outcome is journalled as unknown."));
        ActionResult result;
        try
        {
            interruption.InAction = true;
            result = await step.ApplyAsync(action, context, interruption.Abort).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (interruption.Abort.IsCancellationRequested)
        {
            const string detail = "aborted by a second signal while it ran: it may or may not have happened";
            Journal(step, JournalEvent.Unknown, plan.Fingerprint, action, detail);
            _records.Add(new ActionRecord(action, ActionOutcome.Unknown, detail));
            observer.ActionFinished(action, ActionResult.Unknown(detail));
            return null;
        }
        catch (Exception e) when (ActionFailures.Classify(e) is { } outcome)
        {
            result = new ActionResult(outcome, e.Message);
        }
        finally
        {
            interruption.InAction = false;
        }
        Journal(step, Event(result.Outcome), plan.Fingerprint, action, result.Detail);
        _records.Add(new ActionRecord(action, result.Outcome, result.Detail));
        observer.ActionFinished(action, result);
        return result;
    }

    /// <summary>A fresh assessment held to the runbook's order: what a plan that is to be applied must meet.</summary>
    private async Task<StepAssessment> AssessInOrderAsync(IStep step, CancellationToken ct) =>
        await PhaseOrder.CheckAsync(await step.AssessAsync(ct).ConfigureAwait(false), PhaseOrder.PrerequisitesOf(step.Name, services), ct).ConfigureAwait(false);

    private async Task<StepRun> RegateAsync(IStep step, StepAssessment before, ExitCode? failed)
    {
        var after = await step.AssessAsync(CancellationToken.None).ConfigureAwait(false);
        var run = Finish(step, RunMode.Apply, before, after.Gate);
        return failed is { } code ? run with { ExitCode = code } : run;
    }

    /// <summary>The re-observation asks for what was not confirmed: it is shown as a new plan, and the run stops there.</summary>
    private StepRun Unreconciled(IStep step, StepAssessment before, StepAssessment after, IEnumerable<PlannedAction> notRun)
    {
        Skip(notRun);
        observer.Assessed(after, RunMode.Plan);
        var run = Finish(step, RunMode.Apply, before, after.Gate);
        return run with { ExitCode = ExitCode.Error };
    }

    private StepRun Interrupted(IStep step, StepAssessment assessment, IEnumerable<PlannedAction> notRun, string why)
    {
        var pending = notRun.ToList();
        Journal(step, JournalEvent.Interrupted, assessment.Plan.Fingerprint, detail: $"{why}; {pending.Count} action(s) not started");
        Skip(pending);
        observer.Note($"Interrupted ({why}); {pending.Count} action(s) not started. Re-run to re-observe and continue.");
        return Done(step, RunMode.Apply, assessment, interruption.Code, null);
    }

    private StepRun Finish(IStep step, RunMode mode, StepAssessment assessment, GateReport gate)
    {
        observer.GateChecked(gate);
        // A read-only step's fatal findings are its verdict: pre-flight's missing plane is a red gate.
        var green = gate.Green && !(mode == RunMode.Gate && assessment.Plan.HasFatal);
        // Only a run that changed something leaves a gate in the journal: a no-op apply writes nothing at all.
        if (mode == RunMode.Apply && _records.Count > 0)
            Journal(step, JournalEvent.Gate, assessment.Plan.Fingerprint, detail: gate.Green ? "green" : "red: " + string.Join("; ", gate.Lines.Where(l => !l.Holds).Select(l => l.Subject)));
        return Done(step, mode, assessment, green ? ExitCode.Ok : ExitCode.GateRed, gate);
    }

    private StepRun Done(IStep step, RunMode mode, StepAssessment assessment, ExitCode code, GateReport? gate) =>
        new(step.Name, mode, code, assessment, [.. _records], gate);

    private void Skip(IEnumerable<PlannedAction> actions) =>
        _records.AddRange(actions.Select(a => new ActionRecord(a, null, "not started")));

    private void Journal(IStep step, JournalEvent what, string? fingerprint, PlannedAction? action = null, string? detail = null,
        IReadOnlyDictionary<string, string>? arguments = null) =>
        services.Journal.Append(new JournalEntry(services.Time.GetUtcNow(), services.Site.Cloud.Name, step.Name, what, fingerprint,
            action?.Kind, action?.Subject, action?.Arguments ?? arguments, detail, Run: _run));

    private static JournalEvent Event(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.Done => JournalEvent.Done,
        ActionOutcome.Failed => JournalEvent.Failed,
        _ => JournalEvent.Unknown,
    };

    private sealed class Progress(IRunObserver observer) : IProgress<string>
    {
        public void Report(string value) => observer.Progress(value);
    }
}
