using Slate.Cli.Journal;
using Slate.Lab.Faults;
using Slate.Runbook.Ports;
using Slate.Runbook.Core;
using Slate.Runbook.Phase;
using Slate.Runbook.Sites;

namespace Slate.Cli.Rehearsal;

/// <summary>
/// `slate rehearse --crash`: every step that changes something, on a fresh lab brought to where the runbook stands
/// before it, run as a real slate process that is killed (SIGKILL) at each of its kill points, then run again as an
/// operator would. A row converges when the re-run exits 0 (its gate green), starts no action the killed run had done,
/// the journal's chain holds, and the lab saw no protected machine touched.
/// </summary>
internal sealed class CrashTable(CliContext context, Site site, string sitePath, LabFaults faults)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var rows = new List<CrashRow>();
        context.Io.Line($"Crash table of phase-00 on the lab '{site.Cloud.Name}': each changing step run as its own slate process, killed (SIGKILL) " +
                        "at the first and the last call of each action (the lab acts on the call; its answer is lost) and after each action, then run again.");
        foreach (var step in PhaseSteps.All.Where(s => s.Definition.Mutates))
        {
            var (whole, calls) = await ScenarioAsync(step, null, ct).ConfigureAwait(false);
            Add(rows, whole);
            foreach (var point in Points(whole.Actions.Count, calls))
                Add(rows, (await ScenarioAsync(step, point, ct).ConfigureAwait(false)).Row);
        }
        var killed = rows.Where(r => r.Point is not null).ToList();
        context.Io.Line($"Crash table: {killed.Count} kill point(s) in {rows.Count - killed.Count} step(s): {killed.Count(r => r.Converged)} converged; " +
                        $"{killed.Count(r => r.Twice.Count > 0)} did something twice; {killed.Count(r => r.JournalBreak is not null)} broke the journal; " +
                        $"{killed.Count(r => r.Point is not null && r.Landed is null)} not reached.");
        return rows.All(r => r.Converged) ? 0 : (int)ExitCode.GateRed;
    }

    /// <summary>For each action: its first and its last call (one point when it makes one call), and the boundary after it.</summary>
    private static IEnumerable<CrashPoint> Points(int actions, IReadOnlyDictionary<int, int> calls)
    {
        for (var action = 1; action <= actions; action++)
        {
            var made = calls.GetValueOrDefault(action);
            if (made >= 1)
                yield return new CrashPoint(action, 1);
            if (made >= 2)
                yield return new CrashPoint(action, made);
            yield return new CrashPoint(action);
        }
    }

    private void Add(List<CrashRow> rows, CrashRow row)
    {
        rows.Add(row);
        context.Io.Line(row.ToString());
    }

    /// <summary>One row: a fresh lab where the runbook stands before <paramref name="step"/>, slate killed at <paramref name="point"/> (none: the step's whole run), and run again.</summary>
    public async Task<(CrashRow Row, IReadOnlyDictionary<int, int> Calls)> ScenarioAsync(PhaseStep step, CrashPoint? point, CancellationToken ct)
    {
        using var work = PrivateTempFolder.Create("slate-crash-");
        var journal = Path.Combine(work.Path, "journal.jsonl");
        await using var lab = await RehearsalLab.StartAsync(site, faults, context.Time, work.Path, ct).ConfigureAwait(false);
        var services = new RehearsalServices(site, lab, journal, context.Time);
        var label = step.EachHost is null ? step.Title : $"{step.Title} {site.Hosts[0].Name}";
        if (await BeforeAsync(step, services, lab, ct).ConfigureAwait(false) is { } setup)
            return (CrashRow.NotRun(label, point, setup), new Dictionary<int, int>());
        var child = new CrashChild(lab, work.Path, sitePath, journal);
        var arguments = Arguments(step, lab, work.Path);
        var offset = File.Exists(journal) ? JsonLinesJournal.Read(journal).Entries.Count : 0;
        var requests = lab.Server.Requests.Count;
        var first = await child.RunAsync(await CommandAsync(step, services, arguments, ct).ConfigureAwait(false), step.Definition.Name, offset, point, ct)
            .ConfigureAwait(false);
        var last = point is null ? first : await child.RunAsync(await CommandAsync(step, services, arguments, ct).ConfigureAwait(false), step.Definition.Name, offset,
            null, ct).ConfigureAwait(false);
        var deletedTwice = lab.Server.Requests.Skip(requests).Where(r => r.Method == "DELETE").GroupBy(r => r.Path).Where(g => g.Count() > 1)
            .Select(g => $"DELETE {g.Key}");
        return (Judge(label, point, first.Landed, journal, step.Definition.Name, last, lab, deletedTwice), first.CallsPerAction);
    }

    /// <summary>The lab brought to where the runbook stands before <paramref name="step"/>: every changing step before it applied, quietly.</summary>
    private async Task<string?> BeforeAsync(PhaseStep step, RehearsalServices services, RehearsalLab lab, CancellationToken ct)
    {
        var quiet = new RehearsalRun(context with { Io = new QuietInteraction() }, services, lab);
        foreach (var before in PhaseSteps.All.TakeWhile(s => s != step).Where(s => s.Definition.Mutates))
            await quiet.RunAsync(before, null, ct).ConfigureAwait(false);
        return quiet.Gates.FirstOrDefault(g => !g.Green) is { } red ? $"{red.Step} did not reach its gate" : null;
    }

    /// <summary>What the operator passes besides the step's words: the rehearsal's waits and the lab's power password in a file of their own.</summary>
    private StepArguments Arguments(PhaseStep step, RehearsalLab lab, string folder)
    {
        var password = lab.Cloud.Pods.Pod.PowerPassword;
        var secrets = new Dictionary<string, SecretSource>(StringComparer.Ordinal);
        var values = new Dictionary<string, IReadOnlyList<string>>(step.Rehearsed, StringComparer.Ordinal);
        foreach (var secret in step.Definition.Parameters.Where(p => p.Kind == ParameterKind.Secret))
        {
            var file = Path.Combine(folder, $"{secret.Name}.txt");
            File.WriteAllText(file, password);
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            secrets[secret.Name] = _ => new SecretText(password);
            values[secret.Name] = [file];
        }
        var arguments = new StepArguments(values, secrets) { Mode = RunMode.Apply };
        return step.EachHost is { } host ? arguments.With(host, site.Hosts[0].Name) : arguments;
    }

    /// <summary>The command line an operator types: the step's words and arguments, --apply, and the confirmation the plan asks for now.</summary>
    private static async Task<IReadOnlyList<string>> CommandAsync(PhaseStep step, RehearsalServices services, StepArguments arguments, CancellationToken ct)
    {
        var built = step.Definition.Create(services, arguments);
        var plan = (await built.AssessAsync(ct).ConfigureAwait(false)).Plan;
        var words = new List<string>(step.Definition.Command);
        if (step.EachHost is { } host)
            words.Add(arguments.Get(host)!);
        foreach (var (name, values) in arguments.Given.Where(v => step.EachHost?.Name != v.Key))
        {
            if (values.Count == 0)
                words.Add("--" + name);
            foreach (var value in values)
                words.AddRange(["--" + name, value]);
        }
        words.Add("--apply");
        if (built.ConfirmationFor(plan) is { } confirmation)
            words.AddRange(["--confirm", confirmation.Expected]);
        return words;
    }

    private static CrashRow Judge(string label, CrashPoint? point, string? landed, string journal, string stepName, CrashChildRun last, RehearsalLab lab,
        IEnumerable<string> deletedTwice)
    {
        var read = JsonLinesJournal.Read(journal);
        var runs = JournalRuns.Group(read.Entries).Where(r => r.Step == stepName).ToList();
        var killed = point is null || runs.Count < 2 ? null : runs[0];
        var rerun = runs.Count > 0 ? runs[^1] : null;
        // A backup (an action that saved a capture) is taken again by a re-run by design: it reads, it changes nothing.
        var backups = read.Entries.Where(e => e.Step == stepName && e.Event == JournalEvent.Capture).Select(e => (e.Action, e.Subject)).ToHashSet();
        var twice = killed is null || rerun is null
            ? []
            : rerun.Actions.Where(a => !backups.Contains((a.Kind, a.Subject)) && killed.Actions.Any(k => k.Outcome == "done" && Same(k, a)))
                .Select(a => $"{a.Kind} {a.Subject}").ToList();
        var lastLine = last.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return new CrashRow(label, point, landed, killed?.Ending, last.ExitCode, lastLine, rerun?.Actions.Select(a => $"{a.Kind} {a.Subject}").ToList() ?? [],
            [.. twice, .. deletedTwice], read.Break?.ToString(), lab.Server.Violations.Count);
    }

    private static bool Same(JournalAction a, JournalAction b) => Planned(a).SameChange(Planned(b));

    private static PlannedAction Planned(JournalAction action) => new(action.Kind, action.Subject, "", action.Arguments);
}
