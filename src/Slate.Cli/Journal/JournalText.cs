using Slate.Cli.Rendering;
using Slate.Runbook.Core;

namespace Slate.Cli.Journal;

/// <summary>The journal as plain text for the terminal: one block per run. Everything from the journal is cleaned and capped.</summary>
internal static class JournalText
{
    public static IEnumerable<string> Lines(string path, IReadOnlyList<JournalRun> runs)
    {
        yield return $"Journal {Clean(path)}: {runs.Count} run(s)";
        foreach (var (run, number) in runs.Select((r, i) => (r, i + 1)))
        {
            yield return "";
            yield return $"{number}. {Clean(run.Step)} on {Clean(run.Cloud)}, {Time(run.Began)} → {Time(run.Ended)}, by {Clean(run.By ?? "?")} with slate {Clean(run.Version ?? "?")}";
            if (run.TakenOver is { } left)
                yield return $"   took over the lock from: {Clean(left)}";
            if (run.Plan is { } plan)
                yield return $"   plan {Clean(run.Fingerprint ?? "?")}: {Clean(plan)}";
            if (run.SavedPlan is { } saved)
                yield return $"   saved plan applied: {Clean(saved)}";
            if (run.Baseline.Count > 0)
                yield return $"   baseline: {Clean(string.Join(", ", run.Baseline.Select(b => $"{b.Key}={b.Value}")))}";
            foreach (var confirmation in run.Confirmations)
                yield return $"   {(confirmation.Confirmed ? "confirmed" : "refused")} {Time(confirmation.Time)} by {Clean(confirmation.By ?? "?")}: {Clean(confirmation.Detail ?? "")}";
            foreach (var (action, index) in run.Actions.Select((a, i) => (a, i + 1)))
                yield return $"   {index}. {Clean($"{action.Kind} {action.Subject}")}: {Outcome(action)}";
            foreach (var why in run.Reconciled)
                yield return $"   {Clean(why)}";
            foreach (var capture in run.Captures)
                yield return $"   capture: {Clean(capture)}";
            yield return $"   {Clean(run.Ending)}";
        }
    }

    public static string Outcome(JournalAction action) => action.InDoubt
        ? JournalRun.InDoubtText
        : $"{action.Outcome} in {DurationText.Format(action.Duration ?? TimeSpan.Zero)}" + (action.Detail is { Length: > 0 } detail ? $" — {Clean(detail)}" : "");

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Clean(string text) => TerminalText.OneLine(text);
}
