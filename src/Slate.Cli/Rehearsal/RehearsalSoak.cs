using Slate.Cli.Journal;
using Slate.Lab.Cloud;
using Slate.Lab.Faults;
using Slate.Runbook.Core;
using Slate.Runbook.Phase;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Cli.Rehearsal;

/// <summary>
/// `slate rehearse --soak N`: the whole phase N times on a sick lab, one seed after another, driven as an operator
/// drives it — a step that stops red is run again, at most <see cref="ReRuns"/> times — and judged by the lab itself:
/// a protected machine touched, a write the lab received while no confirmed action was running, two machines for one
/// MAC, a journal line that is not valid, and an EXIT GATE green while the lab's own state says otherwise
/// (<see cref="LabTruth"/>).
/// </summary>
internal sealed class RehearsalSoak(CliContext context, Site site, string bundlePath, LabFaults faults, int runs)
{
    public const int ReRuns = 2;

    /// <summary>How many runs go at once, each on its own lab.</summary>
    public const int Concurrent = 4;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var first = faults.Seed ?? 1;
        context.Io.Line($"Soak of phase-00 on the lab '{site.Cloud.Name}': {runs} run(s), seeds {first} to {first + runs - 1}, faults {faults.WithSeed(first)}; " +
                        $"a step that stops red is run again, at most {ReRuns} times.");
        var results = new List<SoakResult>();
        // The runs wait mostly on the labs' clocks, so a few run at once; their lines come out in seed order.
        using var slots = new SemaphoreSlim(Concurrent);
        var running = Enumerable.Range(first, runs).Select(async seed =>
        {
            await slots.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                return await OneAsync(seed, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A fault in Slate itself, not in the cloud: the run is lost and is a violation; the other runs go on.
                return new SoakResult(seed, false, "slate failed", [], [$"slate failed: {e.GetType().Name}: {e.Message}"], new Dictionary<string, int>());
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        foreach (var run in running)
        {
            var result = await run.ConfigureAwait(false);
            results.Add(result);
            context.Io.Line(result.ToString());
        }
        var faultsByKind = results.SelectMany(r => r.Faults).GroupBy(f => f.Key, f => f.Value).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Sum()}");
        context.Io.Line($"Soak: {results.Count} run(s), {results.Count(r => r.Green)} green at the EXIT GATE within {ReRuns} re-runs of a step; " +
                        $"faults injected: {string.Join(", ", faultsByKind)}; re-runs: {results.Sum(r => r.ReRuns.Count)}; " +
                        $"violations: {results.Sum(r => r.Violations.Count)}");
        return results.All(r => r.Green && r.Violations.Count == 0) ? 0 : (int)ExitCode.GateRed;
    }

    private async Task<SoakResult> OneAsync(int seed, CancellationToken ct)
    {
        using var work = PrivateTempFolder.Create("slate-soak-");
        var journal = Path.Combine(work.Path, "journal.jsonl");
        await using var lab = await RehearsalLab.StartAsync(site, faults.WithSeed(seed), context.Time, work.Path, ct).ConfigureAwait(false);
        var services = new RehearsalServices(site, lab, journal, context.Time);
        var rehearsal = new RehearsalRun(context with { Io = new QuietInteraction() }, services, lab);
        var outside = new List<string>();
        lab.Server.Tap = call =>
        {
            if (!call.StartsWith("GET ", StringComparison.Ordinal) && !InAction(journal))
                lock (outside) outside.Add(call);
            return Lab.Maas.LabCallFate.Serve;
        };
        var reRuns = new List<string>();
        string? stopped = null;
        foreach (var step in PhaseSteps.All)
        {
            for (var attempt = 0; ; attempt++)
            {
                var before = rehearsal.Gates.Count;
                var failure = await TryAsync(() => rehearsal.RunAsync(step, bundlePath, ct)).ConfigureAwait(false);
                var red = rehearsal.Gates.Skip(before).Where(g => !g.Green).Select(g => g.Step).ToList();
                if (failure is null && red.Count == 0)
                    break;
                var what = failure is null ? string.Join(", ", red) : $"{step.Label} ({failure})";
                if (attempt == ReRuns)
                {
                    stopped = what;
                    break;
                }
                reRuns.Add(what);
                rehearsal.Gates.RemoveRange(before, rehearsal.Gates.Count - before);
            }
            if (stopped is not null)
                break;
        }
        var exitGreen = false;
        if (stopped is null)
        {
            StepAssessment? exit = null;
            var failure = await TryAsync(async () =>
                exit = await new ExitGateStep(PhaseSteps.ExitParts(services, bundlePath)).AssessAsync(ct).ConfigureAwait(false)).ConfigureAwait(false);
            exitGreen = exit is { Gate.Green: true, Plan.HasFatal: false };
            stopped = exitGreen ? null
                : exit is { } red ? "EXIT GATE red: " + string.Join(", ", red.Gate.Lines.Where(l => !l.Holds).Take(3).Select(l => $"{l.Code} {l.Subject}: {l.Observed}"))
                : $"EXIT GATE ({failure})";
        }
        lab.Server.Tap = null;
        var violations = new List<string>(lab.Server.Violations.Select(v => $"protected machine touched: {v}"));
        violations.AddRange(outside.Select(call => $"a write outside any confirmed action: {call}"));
        var read = JsonLinesJournal.Read(journal);
        if (read.Break is { } broken)
            violations.Add($"journal: {broken}");
        var lines = File.ReadAllLines(journal).Count(l => l.Length > 0);
        if (lines != read.Entries.Count)
            violations.Add($"journal: {lines - read.Entries.Count} line(s) that are not valid entries");
        if (exitGreen)
            violations.AddRange(LabTruth.PhaseEndFalsehoods(lab.Cloud, lab.Server.Juju).Select(f => $"EXIT GATE green while false: {f}"));
        var injected = lab.Cloud.Events.Where(e => e.Source == LabFaults.EventSource).GroupBy(e => FaultKind(e.Message)).ToDictionary(g => g.Key, g => g.Count());
        return new SoakResult(seed, exitGreen, stopped, reRuns, violations, injected);
    }

    /// <summary>
    /// Whether the journal's last entry says an action of a confirmed plan is running (its "started", or a capture it
    /// wrote): every write the lab receives must come while one is.
    /// </summary>
    internal static bool InAction(string journal)
    {
        if (!File.Exists(journal))
            return false;
        return JsonLinesJournal.Read(journal).Entries is [.., { Event: JournalEvent.Started or JournalEvent.Capture }];
    }

    /// <summary>Runs a step; a cloud that fails it outright (a read that kept failing) is a red attempt, named.</summary>
    private static async Task<string?> TryAsync(Func<Task> run)
    {
        try
        {
            await run().ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is MaasException or JujuException or HypervisorException)
        {
            return e.Message;
        }
    }

    /// <summary>The kind of an injected fault, from the lab's event (MaasFaultInjector's words).</summary>
    private static string FaultKind(string message) =>
        message.StartsWith("lost", StringComparison.Ordinal) ? "lost"
        : message.StartsWith("juju ", StringComparison.Ordinal) ? "juju-error"
        : message.StartsWith("hypervisor ", StringComparison.Ordinal) ? "hypervisor-drop"
        : message.StartsWith("503", StringComparison.Ordinal) ? "503"
        : message.StartsWith("409", StringComparison.Ordinal) && message.Contains("no Retry-After", StringComparison.Ordinal) ? "409-state"
        : message.StartsWith("409", StringComparison.Ordinal) ? "409"
        : "other";
}

/// <summary>One run of the soak: its seed, whether the EXIT GATE was green, where it stopped if not, each re-run, each violation, the faults by kind.</summary>
internal sealed record SoakResult(int Seed, bool Green, string? Stopped, IReadOnlyList<string> ReRuns, IReadOnlyList<string> Violations,
    IReadOnlyDictionary<string, int> Faults)
{
    public override string ToString() =>
        $"seed {Seed}: {(Green ? "EXIT GATE green" : $"RED, stopped at {Stopped}")}; re-runs: {(ReRuns.Count == 0 ? "none" : string.Join("; ", ReRuns))}; " +
        $"faults: {(Faults.Count == 0 ? "none" : string.Join(", ", Faults.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}")))}; " +
        $"violations: {(Violations.Count == 0 ? "none" : string.Join("; ", Violations))}";
}
