using Slate.Runbook.Ports;

namespace Slate.Runbook.Core;

/// <summary>
/// A dry run's plan kept for a later apply (`slate STEP --out plan.json`, `slate apply plan.json`): which step with which
/// flags, for which cloud, the actions, and the objects it was made from; its fingerprint seals the id, the flags and
/// the actions together (<see cref="PlanFingerprint.Sealed"/>), and is what --approve names. Used once: its id goes
/// into the journal when it is applied. It never holds a secret.
/// </summary>
public sealed record SavedPlan(
    string Id,
    string Step,
    string Cloud,
    string MaasName,
    DateTimeOffset Created,
    string By,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments,
    string Fingerprint,
    IReadOnlyList<PlannedAction> Actions,
    IReadOnlyDictionary<string, string> Objects)
{
    /// <summary>The plan of a dry run, saved under <paramref name="id"/> with the flags it was made with.</summary>
    public static SavedPlan Of(string id, string step, string cloud, string maasName, DateTimeOffset created, string by,
        IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, StepPlan plan) =>
        new(id, step, cloud, maasName, created, by, arguments, PlanFingerprint.Sealed(id, arguments, plan.Fingerprint), plan.Actions, PlanBasis.Of(plan));

    /// <summary>Why this plan may not be applied now: used already, or the cloud is no longer what it was made from; null when it may.</summary>
    public (string Why, IReadOnlyList<string> Changes)? RefusalFor(StepPlan now, IEnumerable<JournalEntry> journal)
    {
        var saved = PlanFingerprint.Of(Actions);
        if (PlanFingerprint.Sealed(Id, Arguments, saved) != Fingerprint)
            return ($"plan {Id} was edited after it was made: its id, flags or actions no longer give its fingerprint {Fingerprint}; make a new one", []);
        if (journal.FirstOrDefault(e => e.Event == Ports.JournalEvent.SavedPlan && e.Detail == Id && e.Cloud == Cloud) is { } used)
            return ($"plan {Id} was applied already ({used.Time:u} by {used.By ?? "?"}): a saved plan is used once; make a new one", []);
        var changes = PlanBasis.Changes(Objects, PlanBasis.Of(now));
        if (changes.Count == 0 && now.Fingerprint == saved)
            return null;
        var actions = now.Fingerprint == saved ? "" : $"; its actions are not the saved ones (fingerprint {now.Fingerprint}, saved {saved})";
        return ($"the cloud changed since plan {Id} was made ({Created:u}): {changes.Count} object(s) differ{actions}", changes);
    }
}
