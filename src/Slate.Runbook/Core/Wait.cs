namespace Slate.Runbook.Core;

/// <summary>
/// The states a wait knows: interim (keep waiting), target (done) and failure (stop now). A state in none of the sets
/// is a failure too: a wait never sits on something it did not expect.
/// </summary>
public sealed record WaitStates(IReadOnlySet<string> Interim, IReadOnlySet<string> Target, IReadOnlySet<string> Failure)
{
    public static WaitStates Of(IEnumerable<string> interim, IEnumerable<string> target, IEnumerable<string> failure) =>
        new(interim.ToHashSet(StringComparer.Ordinal), target.ToHashSet(StringComparer.Ordinal), failure.ToHashSet(StringComparer.Ordinal));
}

/// <summary>How a wait ended; Stopped: a first Ctrl-C/SIGTERM ended the waiting, not the change being waited on.</summary>
public enum WaitVerdict { Reached, Failed, TimedOut, Stopped }

/// <summary>How a wait ended, with each subject's last state.</summary>
public sealed record WaitResult(WaitVerdict Verdict, IReadOnlyDictionary<string, string> States, TimeSpan Elapsed)
{
    public string Describe() => string.Join(", ", States.Select(s => $"{s.Key} {s.Value}"));

    /// <summary>The action's outcome when a signal ended the waiting: the change was made; where it stands is the gate's to say.</summary>
    public ActionResult StoppedWaiting(string what) =>
        ActionResult.Done($"stopped waiting for {what} after {DurationText.Format(Elapsed)} on a signal: the change was made; last seen: {Describe()}");
}

/// <summary>
/// Polls until every subject is in a target state, any is in a failure (or unknown) state, the budget is spent, or a
/// first signal asks to stop waiting (the change is made already; nothing is gained by sitting on it), on the injected
/// clock, reporting each change of state as a progress line.
/// </summary>
public sealed record Wait(string What, WaitStates States, TimeSpan Budget, TimeSpan Interval)
{
    /// <param name="ct">Aborts the wait, a poll in flight too (a second signal).</param>
    /// <param name="stopWaiting">Ends the waiting after the poll in flight (a first signal): the result is Stopped.</param>
    public async Task<WaitResult> RunAsync(
        Func<CancellationToken, Task<IReadOnlyDictionary<string, string>>> poll, TimeProvider time, IProgress<string> progress, CancellationToken ct,
        CancellationToken stopWaiting)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, stopWaiting);
        var started = time.GetUtcNow();
        string? last = null;
        while (true)
        {
            var states = await poll(ct).ConfigureAwait(false);
            var elapsed = time.GetUtcNow() - started;
            var verdict = Judge(states);
            var result = new WaitResult(verdict ?? WaitVerdict.TimedOut, states, elapsed);
            var line = result.Describe();
            if (line != last)
                progress.Report($"{What} [{Clock(elapsed)}/{Clock(Budget)}]: {line}");
            last = line;
            if (verdict is not null || elapsed >= Budget)
                return result;
            if (stopWaiting.IsCancellationRequested)
                return result with { Verdict = WaitVerdict.Stopped };
            try
            {
                await Task.Delay(Interval, time, either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopWaiting.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                return result with { Verdict = WaitVerdict.Stopped, Elapsed = time.GetUtcNow() - started };
            }
        }
    }

    /// <summary>Reached, Failed, or null while some subject is still in an interim state.</summary>
    private WaitVerdict? Judge(IReadOnlyDictionary<string, string> states)
    {
        if (states.Values.Any(s => States.Failure.Contains(s) || !(States.Interim.Contains(s) || States.Target.Contains(s))))
            return WaitVerdict.Failed;
        return states.Values.All(States.Target.Contains) ? WaitVerdict.Reached : null;
    }

    private static string Clock(TimeSpan span) => $"{(int)span.TotalMinutes}:{span.Seconds:00}";
}
