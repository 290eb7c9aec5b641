namespace Slate.Cli.Journal;

/// <summary>The --json document of `slate journal`: the journal's path and its runs, oldest first.</summary>
internal sealed record JournalDocument(string Journal, IReadOnlyList<JournalRun> Runs)
{
    /// <summary>Where the journal's chain breaks (an edited, inserted or removed line); null when it holds.</summary>
    public string? Broken { get; init; }
}
