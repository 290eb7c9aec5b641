using Slate.Runbook.Ports;

namespace Slate.Runbook.Core;

/// <summary>
/// How a step that is a diff of the cloud against the site goes on after an action that did not end done: the runner
/// has re-observed and re-planned, and the run continues with the new plan when it asks only for changes the operator
/// confirmed and that are not yet done (a refused action is sent again once, a second refusal stops it); otherwise the
/// run stops and shows it. At most <see cref="MaxTimes"/> per run.
/// </summary>
internal sealed class Reconciliation(IEnumerable<PlannedAction> confirmed)
{
    public const int MaxTimes = 3;

    private readonly List<PlannedAction> _confirmed = [.. confirmed];
    private readonly List<PlannedAction> _refused = [];
    private int _times;

    public bool MayTry => _times < MaxTimes;

    /// <summary>Actions confirmed later in the run (a follow-up's).</summary>
    public void Confirm(IEnumerable<PlannedAction> more) => _confirmed.AddRange(more);

    /// <param name="action">The action that did not end done.</param>
    /// <param name="replanned">The plan made from the observation after it.</param>
    /// <param name="records">What the run did so far: an action done is not confirmed a second time.</param>
    public Reconciled Reconcile(PlannedAction action, ActionOutcome outcome, StepPlan replanned, IReadOnlyList<ActionRecord> records)
    {
        _times++;
        var what = $"{action.Kind} {action.Subject} {(outcome == ActionOutcome.Failed ? JournalEvent.Failed : JournalEvent.Unknown).Word()}; re-observed";
        if (replanned.Findings.FirstOrDefault(f => f.Severity is Severity.Fatal or Severity.Precondition) is { } finding)
            return Stop($"{what}, the new plan is refused ({finding.Code} {finding.Subject})");
        // A refusal proves nothing was done. Planned again from a fresh observation that meets every precondition, it is
        // sent once more (a state MAAS was leaving, a connection that dropped); refused a second time, it would be again.
        if (outcome == ActionOutcome.Failed && replanned.Actions.Any(a => a.SameChange(action)) && _refused.Any(a => a.SameChange(action)))
            return Stop($"{action.Kind} {action.Subject} was refused a second time; the new plan asks for it again, and it would be refused again");
        if (outcome == ActionOutcome.Failed)
            _refused.Add(action);
        var open = _confirmed.ToList();
        foreach (var done in records.Where(r => r.Outcome == ActionOutcome.Done && !r.Action.ChangesNothing))
            open.RemoveAt(open.FindIndex(a => a.SameChange(done.Action)));
        var unconfirmed = new List<PlannedAction>();
        foreach (var next in replanned.Actions)
        {
            // A backup done already is taken again before the changes it protects: it changes nothing.
            if (next.ChangesNothing && _confirmed.Any(a => a.SameChange(next)))
                continue;
            var index = open.FindIndex(a => a.SameChange(next));
            if (index < 0)
                unconfirmed.Add(next);
            else
                open.RemoveAt(index);
        }
        if (unconfirmed.Count > 0)
            return Stop($"{what}, the new plan has {unconfirmed.Count} change(s) that were not confirmed or are done already: " +
                string.Join(", ", unconfirmed.Take(3).Select(a => $"{a.Kind} {a.Subject}")) + (unconfirmed.Count > 3 ? " …" : ""));
        var left = replanned.Actions.Count == 0 ? "nothing is left to do" : $"{replanned.Actions.Count} confirmed action(s) left, going on";
        return new Reconciled(replanned.Actions, $"Reconciled ({_times}/{MaxTimes}): {what}: {left}.");
    }

    private static Reconciled Stop(string why) =>
        new(null, $"Stopped: {why}. Nothing after it was started; the new plan is below: review it and re-run.");
}

/// <summary>What a reconciliation decided: the actions the run goes on with (null: it stops), and the line that says so.</summary>
internal sealed record Reconciled(IReadOnlyList<PlannedAction>? Actions, string Why);
