namespace Slate.Cli.Journal;

/// <summary>A typed confirmation as journalled: given (confirmed) or refused, by whom, and what it was for.</summary>
internal sealed record JournalConfirmation(DateTimeOffset Time, bool Confirmed, string? By, string? Detail);
