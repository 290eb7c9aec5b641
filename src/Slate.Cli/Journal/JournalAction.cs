namespace Slate.Cli.Journal;

/// <summary>
/// One action of a run: its "started" entry and its outcome (done, failed or unknown). No outcome means the process
/// ended while the action ran: it is in doubt, it may or may not have happened.
/// </summary>
internal sealed record JournalAction(
    string Kind,
    string Subject,
    IReadOnlyDictionary<string, string> Arguments,
    DateTimeOffset Began,
    DateTimeOffset? Ended,
    string? Outcome,
    string? Detail)
{
    public bool InDoubt => Outcome is null;

    public TimeSpan? Duration => Ended - Began;
}
