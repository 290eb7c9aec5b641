namespace Slate.Cli.Journal;

/// <summary>The --json document of `slate journal`: the journal's path and its runs, oldest first.</summary>
internal sealed record JournalDocument(string Journal, IReadOnlyList<JournalRun> Runs);
