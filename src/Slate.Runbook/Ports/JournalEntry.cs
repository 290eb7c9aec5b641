namespace Slate.Runbook.Ports;

/// <summary>
/// One line of the journal. Run names the step run that wrote it (every entry of one run carries the same id) and Seq
/// numbers the entries of the journal in the order written; entries written before runs had ids have neither.
/// Arguments never hold a secret. By, Version, Seq and Prev (a hash of the line before it, as written) are stamped by
/// the journal when the entry is written.
/// </summary>
public sealed record JournalEntry(
    DateTimeOffset Time,
    string Cloud,
    string Step,
    JournalEvent Event,
    string? Fingerprint = null,
    string? Action = null,
    string? Subject = null,
    IReadOnlyDictionary<string, string>? Arguments = null,
    string? Detail = null,
    string? By = null,
    string? Version = null,
    string? Run = null,
    long? Seq = null,
    string? Prev = null);
