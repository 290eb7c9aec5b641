using Slate.Runbook.Ports;

namespace Slate.Runbook.Tests.Support;

/// <summary>A journal held in memory: the entries in order, and the captures by file name.</summary>
internal sealed class MemoryJournal : IJournal
{
    public List<JournalEntry> Written { get; } = [];

    public Dictionary<string, string> Captures { get; } = [];

    public void Append(JournalEntry entry) => Written.Add(entry);

    /// <summary>A plan as a run that applied it leaves it: the plan, then its first action started.</summary>
    public void AppendApplied(JournalEntry plan)
    {
        Append(plan);
        Append(plan with { Event = JournalEvent.Started, Action = "first-action", Subject = plan.Step, Arguments = null, Time = plan.Time.AddSeconds(1) });
    }

    public IReadOnlyList<JournalEntry> Entries() => [.. Written];

    public string SaveCapture(string fileName, string content)
    {
        Captures[fileName] = content;
        return "run/" + fileName;
    }
}
