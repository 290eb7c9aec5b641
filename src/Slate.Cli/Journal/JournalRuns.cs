using Slate.Runbook.Core;
using Slate.Runbook.Ports;

namespace Slate.Cli.Journal;

/// <summary>
/// Splits a journal into runs of a step. Every entry of a run carries the step and the plan's fingerprint; a run opens
/// with its confirmation (or refusal), the saved plan it applies if any, and its plan, and closes with its gate, an interruption, a refusal before any
/// plan, or an action started with no outcome after it (the process ended there).
/// </summary>
internal static class JournalRuns
{
    public static IReadOnlyList<JournalRun> Group(IReadOnlyList<JournalEntry> entries)
    {
        var runs = new List<JournalRun>();
        var current = new List<JournalEntry>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (current.Count > 0 && StartsNewRun(current, entry, i + 1 < entries.Count ? entries[i + 1] : null))
            {
                runs.Add(Build(current));
                current = [];
            }
            current.Add(entry);
        }
        if (current.Count > 0)
            runs.Add(Build(current));
        return runs;
    }

    private static bool StartsNewRun(List<JournalEntry> current, JournalEntry entry, JournalEntry? next)
    {
        var first = current[0];
        var last = current[^1];
        if (entry.Step != first.Step || entry.Cloud != first.Cloud || entry.Fingerprint != first.Fingerprint)
            return true;
        if (last.Event is "gate" or "interrupted" || (last.Event == "refused" && !current.Any(e => e.Event == "plan")))
            return true;
        if (last.Event == "started" && !(entry.Action == last.Action && entry.Subject == last.Subject && entry.Event is "done" or "failed" or "unknown" or "capture"))
            return true;
        return Opens(entry, next) && current.Any(e => e.Event == "plan");
    }

    /// <summary>
    /// The entries a run begins with: its plan, the confirmation written just before it, or a refusal that no gate
    /// follows (a refused second confirmation, inside a run, is followed by that run's gate).
    /// </summary>
    private static bool Opens(JournalEntry entry, JournalEntry? next) => entry.Event switch
    {
        "plan" => true,
        "confirmed" => next is { Event: "plan" or SavedPlan.JournalEvent } && next.Step == entry.Step,
        "refused" => !(next is { Event: "gate" } && next.Step == entry.Step),
        _ => false,
    };

    private static JournalRun Build(List<JournalEntry> entries)
    {
        var actions = new List<JournalAction>();
        var confirmations = new List<JournalConfirmation>();
        var captures = new List<string>();
        JournalEntry? plan = null;
        string? saved = null, gate = null, interrupted = null;
        foreach (var entry in entries)
        {
            switch (entry.Event)
            {
                case "plan":
                    plan = entry;
                    break;
                case SavedPlan.JournalEvent:
                    saved = entry.Detail;
                    break;
                case "confirmed" or "refused":
                    confirmations.Add(new JournalConfirmation(entry.Time, entry.Event == "confirmed", entry.By, entry.Detail));
                    break;
                case "started":
                    actions.Add(new JournalAction(entry.Action ?? "", entry.Subject ?? "", entry.Arguments ?? Empty, entry.Time, null, null, null));
                    break;
                case "done" or "failed" or "unknown":
                    var open = actions.FindLastIndex(a => a.InDoubt && a.Kind == (entry.Action ?? "") && a.Subject == (entry.Subject ?? ""));
                    var finished = open < 0
                        ? new JournalAction(entry.Action ?? "", entry.Subject ?? "", entry.Arguments ?? Empty, entry.Time, entry.Time, entry.Event, entry.Detail)
                        : actions[open] with { Ended = entry.Time, Outcome = entry.Event, Detail = entry.Detail };
                    if (open < 0) actions.Add(finished);
                    else actions[open] = finished;
                    break;
                case "capture" when entry.Detail is { } path:
                    captures.Add(path);
                    break;
                case "gate":
                    gate = entry.Detail;
                    break;
                case "interrupted":
                    interrupted = entry.Detail;
                    break;
            }
        }
        var first = entries[0];
        return new JournalRun(first.Step, first.Cloud, first.Fingerprint, first.Time, entries[^1].Time, first.By, first.Version,
            plan?.Detail, plan?.Arguments ?? Empty, saved, confirmations, actions, captures, gate, interrupted);
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
