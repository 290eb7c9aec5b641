namespace Slate.Runbook.Ports;

/// <summary>
/// The as-executed journal of one cloud: append-only entries, and a run folder for captures and backups. Nothing a
/// step reads back from it is trusted as the cloud's state; it only holds what was planned, done and observed before.
/// </summary>
public interface IJournal
{
    /// <summary>Appends one entry; the journal stamps who ran it and which slate.</summary>
    void Append(JournalEntry entry);

    /// <summary>Every entry of this cloud's journal, oldest first.</summary>
    IReadOnlyList<JournalEntry> Entries();

    /// <summary>Writes a capture or backup into this run's folder and returns its path.</summary>
    string SaveCapture(string fileName, string content);
}
