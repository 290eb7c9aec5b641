using Slate.Runbook.Ports;

namespace Slate.Cli.Journal;

/// <summary>
/// Splits a journal into runs of a step. An entry written since runs have ids belongs to the run its id names; an
/// older entry is placed by the old rule: every entry of a run carries the step and the plan's fingerprint; a run opens
/// with its confirmation (or refusal), the saved plan it applies if any, and its plan, and closes with its gate, an
/// interruption, a refusal before any plan, or an action started with no outcome after it (the process ended there).
/// </summary>
internal static class JournalRuns
{
    public static IReadOnlyList<JournalRun> Group(IReadOnlyList<JournalEntry> entries)
    {
        var runs = new List<List<JournalEntry>>();
        var byId = new Dictionary<string, List<JournalEntry>>(StringComparer.Ordinal);
        List<JournalEntry>? legacy = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Run is { } id)
            {
                legacy = null;
                if (!byId.TryGetValue(id, out var run))
                    runs.Add(byId[id] = run = []);
                run.Add(entry);
                continue;
            }
            if (legacy is null || StartsNewRun(legacy, entry, i + 1 < entries.Count ? entries[i + 1] : null))
                runs.Add(legacy = []);
            legacy.Add(entry);
        }
        return [.. runs.Select(Build)];
    }

    private static bool StartsNewRun(List<JournalEntry> current, JournalEntry entry, JournalEntry? next)
    {
        var first = current[0];
        var last = current[^1];
        if (entry.Step != first.Step || entry.Cloud != first.Cloud || entry.Fingerprint != first.Fingerprint)
            return true;
        if (last.Event is JournalEvent.Gate or JournalEvent.Interrupted || (last.Event == JournalEvent.Refused && !current.Any(e => e.Event == JournalEvent.Plan)))
            return true;
        if (last.Event == JournalEvent.Started && !(entry.Action == last.Action && entry.Subject == last.Subject && (entry.Event.IsOutcome() || entry.Event == JournalEvent.Capture)))
            return true;
        return Opens(entry, next) && current.Any(e => e.Event == JournalEvent.Plan);
    }

    /// <summary>
    /// The entries a run begins with: its plan, the confirmation written just before it, or a refusal that no gate
    /// follows (a refused second confirmation, inside a run, is followed by that run's gate).
    /// </summary>
    private static bool Opens(JournalEntry entry, JournalEntry? next) => entry.Event switch
    {
        JournalEvent.Plan => true,
        JournalEvent.Confirmed => next is { Event: JournalEvent.Plan or JournalEvent.SavedPlan } && next.Step == entry.Step,
        JournalEvent.Refused => !(next is { Event: JournalEvent.Gate } && next.Step == entry.Step),
        _ => false,
    };

    private static JournalRun Build(List<JournalEntry> entries)
    {
        var actions = new List<JournalAction>();
        var confirmations = new List<JournalConfirmation>();
        var captures = new List<string>();
        var reconciled = new List<string>();
        JournalEntry? plan = null;
        string? saved = null, gate = null, interrupted = null, takenOver = null;
        foreach (var entry in entries)
        {
            switch (entry.Event)
            {
                case JournalEvent.Plan:
                    plan = entry;
                    break;
                case JournalEvent.SavedPlan:
                    saved = entry.Detail;
                    break;
                case JournalEvent.Confirmed or JournalEvent.Refused:
                    confirmations.Add(new JournalConfirmation(entry.Time, entry.Event == JournalEvent.Confirmed, entry.By, entry.Detail));
                    break;
                case JournalEvent.Started:
                    actions.Add(new JournalAction(entry.Action ?? "", entry.Subject ?? "", entry.Arguments ?? Empty, entry.Time, null, null, null));
                    break;
                case JournalEvent.Done or JournalEvent.Failed or JournalEvent.Unknown:
                    var open = actions.FindLastIndex(a => a.InDoubt && a.Kind == (entry.Action ?? "") && a.Subject == (entry.Subject ?? ""));
                    var finished = open < 0
                        ? new JournalAction(entry.Action ?? "", entry.Subject ?? "", entry.Arguments ?? Empty, entry.Time, entry.Time, entry.Event.Word(), entry.Detail)
                        : actions[open] with { Ended = entry.Time, Outcome = entry.Event.Word(), Detail = entry.Detail };
                    if (open < 0) actions.Add(finished);
                    else actions[open] = finished;
                    break;
                case JournalEvent.Capture when entry.Detail is { } path:
                    captures.Add(path);
                    break;
                case JournalEvent.Gate:
                    gate = entry.Detail;
                    break;
                case JournalEvent.Interrupted:
                    interrupted = entry.Detail;
                    break;
                case JournalEvent.LockTakenOver:
                    takenOver = entry.Detail;
                    break;
                case JournalEvent.Reconciled when entry.Detail is { } why:
                    reconciled.Add(why);
                    break;
            }
        }
        var first = entries[0];
        return new JournalRun(first.Step, first.Cloud, first.Fingerprint, first.Time, entries[^1].Time, first.By, first.Version,
            plan?.Detail, plan?.Arguments ?? Empty, saved, confirmations, actions, captures, gate, interrupted) { TakenOver = takenOver, Reconciled = reconciled };
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
