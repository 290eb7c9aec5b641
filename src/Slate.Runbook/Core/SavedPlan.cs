using Slate.Runbook.Ports;

namespace Slate.Runbook.Core;

/// <summary>
/// A dry run's plan kept for a later apply (`slate STEP --out plan.json`, `slate apply plan.json`): which step with which
/// flags, for which cloud, the actions and their fingerprint, and the objects it was made from. Used once: its id goes
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
    /// <summary>Why this plan may not be applied now: used already, or the cloud is no longer what it was made from; null when it may.</summary>
    public (string Why, IReadOnlyList<string> Changes)? RefusalFor(StepPlan now, IEnumerable<JournalEntry> journal)
    {
        if (journal.FirstOrDefault(e => e.Event == Ports.JournalEvent.SavedPlan && e.Detail == Id && e.Cloud == Cloud) is { } used)
            return ($"plan {Id} was applied already ({used.Time:u} by {used.By ?? "?"}): a saved plan is used once; make a new one", []);
        var changes = PlanBasis.Changes(Objects, PlanBasis.Of(now));
        if (changes.Count == 0 && now.Fingerprint == Fingerprint)
            return null;
        var actions = now.Fingerprint == Fingerprint ? "" : $"; its actions are not the saved ones (fingerprint {now.Fingerprint}, saved {Fingerprint})";
        return ($"the cloud changed since plan {Id} was made ({Created:u}): {changes.Count} object(s) differ{actions}", changes);
    }
}
