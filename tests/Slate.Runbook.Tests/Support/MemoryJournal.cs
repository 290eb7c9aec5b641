using Slate.Runbook.Ports;

namespace Slate.Runbook.Tests.Support;

/// <summary>A journal held in memory: the entries in order, and the captures by file name.</summary>
internal sealed class MemoryJournal : IJournal
{
    public List<JournalEntry> Written { get; } = [];

    public Dictionary<string, string> Captures { get; } = [];

    public void Append(JournalEntry entry) => Written.Add(entry);

    public IReadOnlyList<JournalEntry> Entries() => [.. Written];

    public string SaveCapture(string fileName, string content)
    {
        Captures[fileName] = content;
        return "run/" + fileName;
    }
}
