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
    public const string JournalEvent = "saved-plan";
}
