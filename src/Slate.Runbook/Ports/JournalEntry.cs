namespace Slate.Runbook.Ports;

/// <summary>
/// One line of the journal. Event is <c>plan</c>, <c>confirmed</c>, <c>refused</c>, <c>started</c>, <c>done</c>,
/// <c>failed</c>, <c>unknown</c>, <c>interrupted</c>, <c>capture</c>, <c>gate</c> or <c>saved-plan</c> (the id of a saved plan
/// applied, in Detail). Arguments never hold a secret.
/// By and Version are stamped by the journal when the entry is written.
/// </summary>
public sealed record JournalEntry(
    DateTimeOffset Time,
    string Cloud,
    string Step,
    string Event,
    string? Fingerprint = null,
    string? Action = null,
    string? Subject = null,
    IReadOnlyDictionary<string, string>? Arguments = null,
    string? Detail = null,
    string? By = null,
    string? Version = null);
