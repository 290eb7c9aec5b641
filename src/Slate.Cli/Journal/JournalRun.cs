namespace Slate.Cli.Journal;

/// <summary>
/// One run of a step as the journal recorded it: who ran which slate, what was planned (its detail, baseline and
/// fingerprint, and the saved plan it applied), the confirmations, each action and its outcome, the captures written,
/// and how the run ended.
/// </summary>
internal sealed record JournalRun(
    string Step,
    string Cloud,
    string? Fingerprint,
    DateTimeOffset Began,
    DateTimeOffset Ended,
    string? By,
    string? Version,
    string? Plan,
    IReadOnlyDictionary<string, string> Baseline,
    string? SavedPlan,
    IReadOnlyList<JournalConfirmation> Confirmations,
    IReadOnlyList<JournalAction> Actions,
    IReadOnlyList<string> Captures,
    string? Gate,
    string? Interrupted)
{
    /// <summary>The run that held the cloud's lock before this one and ended without releasing it.</summary>
    public string? TakenOver { get; init; }

    /// <summary>Each re-observation after an action that did not end done, as the run said it: going on, or stopped and why.</summary>
    public IReadOnlyList<string> Reconciled { get; init; } = [];

    public const string InDoubtText = "in doubt: started, no outcome recorded (the process ended)";

    /// <summary>How the run ended, in one phrase.</summary>
    public string Ending =>
        Gate is { } gate ? $"gate {gate}"
        : Interrupted is { } why ? $"interrupted: {why}"
        : Actions.Any(a => a.InDoubt) ? InDoubtText
        : Plan is null && Confirmations.LastOrDefault() is { Confirmed: false } refusal ? $"refused: {refusal.Detail}"
        : "ended without a gate";
}
