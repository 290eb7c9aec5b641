using System.Text;
using Slate.Cli.Rendering;
using Slate.Runbook.Core;

namespace Slate.Cli.Journal;

/// <summary>
/// The journal as the team's as-executed log in Markdown: a heading per run, its plan and confirmations, a table of
/// its actions and how it ended. Journal text is cleaned, capped and escaped, so a `|` in a detail stays in its cell.
/// </summary>
internal static class JournalMarkdown
{
    public static IEnumerable<string> Lines(string path, IReadOnlyList<JournalRun> runs)
    {
        yield return "# As-executed log";
        yield return "";
        yield return $"From the journal {Text(path)}: {runs.Count} run(s).";
        foreach (var (run, number) in runs.Select((r, i) => (r, i + 1)))
        {
            yield return "";
            yield return $"## {number}. {Text(run.Step)} — {JournalText.Time(run.Began)}";
            yield return "";
            yield return $"- Cloud: {Text(run.Cloud)}; by {Text(run.By ?? "?")} with slate {Text(run.Version ?? "?")}; {JournalText.Time(run.Began)} to {JournalText.Time(run.Ended)}";
            if (run.TakenOver is { } left)
                yield return $"- Took over the lock from: {Text(left)}";
            if (run.Plan is { } plan)
                yield return $"- Plan {Text(run.Fingerprint ?? "?")}: {Text(plan)}";
            if (run.SavedPlan is { } saved)
                yield return $"- Saved plan applied: {Text(saved)}";
            foreach (var (key, value) in run.Baseline)
                yield return $"- Baseline {Text(key)}: {Text(value)}";
            foreach (var confirmation in run.Confirmations)
                yield return $"- {(confirmation.Confirmed ? "Confirmed" : "Refused")} {JournalText.Time(confirmation.Time)} by {Text(confirmation.By ?? "?")}: {Text(confirmation.Detail ?? "")}";
            foreach (var capture in run.Captures)
                yield return $"- Capture: {Text(capture)}";
            foreach (var why in run.Reconciled)
                yield return $"- {Text(why)}";
            if (run.Actions.Count > 0)
            {
                yield return "";
                yield return "| # | Action | Subject | Outcome | Duration | Detail |";
                yield return "|---|---|---|---|---|---|";
                foreach (var (action, index) in run.Actions.Select((a, i) => (a, i + 1)))
                    yield return $"| {index} | {Text(action.Kind)} | {Text(action.Subject)} | {(action.InDoubt ? "in doubt" : Text(action.Outcome!))} | "
                        + $"{(action.Duration is { } d ? DurationText.Format(d) : "")} | {(action.InDoubt ? JournalRun.InDoubtText : Text(action.Detail ?? ""))} |";
            }
            yield return "";
            yield return $"**{Text(char.ToUpperInvariant(run.Ending[0]) + run.Ending[1..])}**";
        }
    }

    /// <summary>One clean, capped line with every character Markdown would take as syntax escaped.</summary>
    public static string Text(string text)
    {
        var line = TerminalText.OneLine(text);
        var escaped = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (c is '\\' or '|' or '`' or '*' or '_' or '<' or '>' or '[' or ']' or '#')
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
