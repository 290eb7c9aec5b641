namespace Slate.Runbook.Ports;

/// <summary>
/// The as-executed journal of one cloud: append-only entries, and a run folder for captures and backups. Nothing a
/// step reads back from it is trusted as the cloud's state; it only holds what was planned, done and observed before.
/// </summary>
public interface IJournal
{
    /// <summary>Appends one entry; the journal stamps who ran it and which slate.</summary>
    void Append(JournalEntry entry);

    /// <summary>Every entry of this cloud's journal, oldest first.</summary>
    IReadOnlyList<JournalEntry> Entries();

    /// <summary>
    /// The plans a step applied to a cloud, oldest first: the one query steps make of their own past. A plan counts once
    /// its run started an action (a plan line alone, written by hand or cut off before anything ran, moves no baseline);
    /// entries from before runs had ids belong to the plan of the same step and fingerprint before them.
    /// </summary>
    IReadOnlyList<AppliedPlan> AppliedPlans(string cloud, string step)
    {
        var entries = Entries();
        var acted = new HashSet<string>(StringComparer.Ordinal);
        var plans = new List<AppliedPlan>();
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            var e = entries[i];
            if (e.Cloud != cloud || e.Step != step)
                continue;
            var run = e.Run ?? $"\u001f{e.Fingerprint}";
            if (e.Event == JournalEvent.Started)
                acted.Add(run);
            else if (e.Event == JournalEvent.Plan && acted.Contains(run))
                plans.Add(new AppliedPlan(e.Run, e.Fingerprint, e.Arguments ?? new Dictionary<string, string>(), e.Time));
        }
        plans.Reverse();
        return plans;
    }

    /// <summary>The last plan the step applied to the cloud, or null.</summary>
    AppliedPlan? LastAppliedPlan(string cloud, string step) => AppliedPlans(cloud, step).LastOrDefault();

    /// <summary>The baseline of the last plan the step applied to the cloud, naming its run; no values when it applied none.</summary>
    JournalBaseline LastBaseline(string cloud, string step) => new(LastAppliedPlan(cloud, step));

    /// <summary>
    /// Whether a run before this one started the same change and never learned how it ended (its process ended while
    /// it ran, or its answer was lost): it may have been carried out. The last "started" entry of the change is the
    /// running one's own and is not counted.
    /// </summary>
    bool EarlierInDoubt(string cloud, string step, Core.PlannedAction change)
    {
        var entries = Entries();
        var started = Enumerable.Range(0, entries.Count)
            .Where(i => entries[i] is { Event: JournalEvent.Started } e && e.Cloud == cloud && e.Step == step
                        && change.SameChange(new Core.PlannedAction(e.Action ?? "", e.Subject ?? "", "", e.Arguments ?? new Dictionary<string, string>())))
            .ToList();
        if (started.Count < 2)
            return false;
        var earlier = entries[started[^2]];
        var outcome = entries.Skip(started[^2] + 1).FirstOrDefault(e => e.Run == earlier.Run && e.Step == step && e.Action == earlier.Action
                                                                         && e.Subject == earlier.Subject && e.Event.IsOutcome());
        return outcome is null or { Event: JournalEvent.Unknown };
    }

    /// <summary>Writes a capture or backup into this run's folder and returns its path.</summary>
    string SaveCapture(string fileName, string content);
}
