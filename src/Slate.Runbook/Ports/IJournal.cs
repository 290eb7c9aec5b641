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

    /// <summary>The plans a step applied to a cloud, oldest first: the one query steps make of their own past.</summary>
    IReadOnlyList<AppliedPlan> AppliedPlans(string cloud, string step) =>
        [.. Entries().Where(e => e.Event == JournalEvent.Plan && e.Cloud == cloud && e.Step == step)
            .Select(e => new AppliedPlan(e.Run, e.Fingerprint, e.Arguments ?? new Dictionary<string, string>(), e.Time))];

    /// <summary>The last plan the step applied to the cloud, or null.</summary>
    AppliedPlan? LastAppliedPlan(string cloud, string step) => AppliedPlans(cloud, step).LastOrDefault();

    /// <summary>The baseline of the last plan the step applied to the cloud; empty when it applied none.</summary>
    IReadOnlyDictionary<string, string> LastBaseline(string cloud, string step) =>
        LastAppliedPlan(cloud, step)?.Baseline ?? new Dictionary<string, string>();

    /// <summary>Writes a capture or backup into this run's folder and returns its path.</summary>
    string SaveCapture(string fileName, string content);
}
