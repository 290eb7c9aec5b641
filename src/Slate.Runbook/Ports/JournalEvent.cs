namespace Slate.Runbook.Ports;

/// <summary>What a journal entry records. Its word (<see cref="JournalEvents.Word"/>) is what the journal file holds.</summary>
public enum JournalEvent
{
    /// <summary>The plan about to be applied, with its baseline; it opens the applying part of a run.</summary>
    Plan,

    /// <summary>A typed confirmation given (Detail: what was typed for).</summary>
    Confirmed,

    /// <summary>A confirmation refused, or a saved plan refused (Detail: why).</summary>
    Refused,

    /// <summary>An action begins; an entry with no outcome after it means the process ended while it ran.</summary>
    Started,

    Done,
    Failed,

    /// <summary>An action whose outcome is not known (a lost answer, a second signal).</summary>
    Unknown,

    /// <summary>The run stopped on a signal (Detail: where and how many actions were not started).</summary>
    Interrupted,

    /// <summary>A capture or backup written into the run folder (Detail: its path).</summary>
    Capture,

    /// <summary>The gate after the actions (Detail: green, or red and what failed).</summary>
    Gate,

    /// <summary>A saved plan applied (Detail: its id): a saved plan is used once.</summary>
    SavedPlan,

    /// <summary>The run took over the cloud's lock from a run that ended without releasing it (Detail: that run, as it described itself).</summary>
    LockTakenOver,

    /// <summary>A step re-observed after an action that did not end done (Detail: what it found, and whether the run went on).</summary>
    Reconciled,
}

/// <summary>The journal's words for its events: the same words journals have always held.</summary>
public static class JournalEvents
{
    private static readonly string[] Words = ["plan", "confirmed", "refused", "started", "done", "failed", "unknown", "interrupted", "capture", "gate", "saved-plan", "lock-taken-over", "reconciled"];

    public static string Word(this JournalEvent journalEvent) => Words[(int)journalEvent];

    /// <summary>The event a word names; false for a word no journal holds.</summary>
    public static bool TryParse(string word, out JournalEvent journalEvent)
    {
        var index = Array.IndexOf(Words, word);
        journalEvent = (JournalEvent)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>An action's outcome as its event.</summary>
    public static bool IsOutcome(this JournalEvent journalEvent) => journalEvent is JournalEvent.Done or JournalEvent.Failed or JournalEvent.Unknown;
}
