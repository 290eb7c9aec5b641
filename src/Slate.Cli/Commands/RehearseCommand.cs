using System.CommandLine;
using Slate.Cli.Rehearsal;
using Slate.Cli.Steps;
using Slate.Lab;
using Slate.Lab.Faults;
using Slate.Runbook.Core;
using Slate.Runbook.Phase;
using Slate.Runbook.Sites;

namespace Slate.Cli.Commands;

/// <summary>`slate rehearse`: starts the embedded lab and runs every runbook step built so far against it, in order, through the one runner.</summary>
internal static class RehearseCommand
{
    private static readonly Option<string?> Bundle = new("--bundle")
    {
        Description = "Bundle for the Step 7b gate (default: the built-in cloud's bundle, or <site>.bundle.yaml beside --site)",
    };

    private static readonly Option<bool> Crash = new("--crash")
    {
        Description = "Instead of the phase, its crash table: each changing step on a fresh lab, run as its own slate process and killed " +
                      "(SIGKILL) during and after each of its actions, then run again; one row per kill point (converged: exit 0, gate green, " +
                      "nothing done twice, the journal intact). A lab per kill point: about 35 minutes for the built-in cloud",
    };

    private static readonly Option<string?> Soak = new("--soak")
    {
        Description = "Instead of one rehearsal, N of them on a fresh lab each, seeds S to S+N-1 (S from --seed, else 1), with the --fault given " +
                      "(e.g. --fault 503=0.05:1 --fault 409=0.05:1 --fault 409-state=0.05 --fault lost=0.05): a step that stops red is run " +
                      "again at most twice, as an operator would; one line per run, then runs, faults by kind, re-runs and violations (a protected " +
                      "machine touched, a write while no confirmed action runs, two machines for one MAC, an invalid journal line, an EXIT GATE " +
                      "green while the lab says otherwise)",
        HelpName = "N",
    };

    public static Command Create(CliContext context)
    {
        var command = new Command("rehearse",
            "Rehearse the whole phase on the embedded lab (no real cloud is touched), as an operator runs it: every step planned, applied " +
            "(the rehearsal types the confirmations itself, and says so) and gated in the runbook's order, then the EXIT GATE and a summary " +
            "with each step's MAAS calls and the journal's path. Without --site it uses the built-in runbook cloud.");
        command.Options.Add(Bundle);
        command.Options.Add(GlobalOptions.Site);
        command.Options.Add(GlobalOptions.Journal);
        command.Options.Add(LabFaultOption.Fault);
        command.Options.Add(Crash);
        command.Options.Add(Soak);
        RehearsalOptions.AddTo(command);
        command.SetAction((result, ct) => RunAsync(context, result, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult result, CancellationToken ct)
    {
        var workDir = PrivateTempFolder.Create("slate-rehearse-");
        try
        {
            var settings = SlateSettings.Resolve(result, context.Environment);
            var options = RehearsalOptions.Read(result);
            var (site, bundlePath) = ResolveInputs(settings, result.GetValue(Bundle), workDir.Path);
            site = options.SiteFor(site, builtIn: settings.SitePath is null, workDir.Path);
            var faults = options.Seeded(LabFaultOption.Read(result, site));
            if (result.GetValue(Crash))
                return await CrashAsync(context, options, site, settings.SitePath, faults, workDir.Path, ct).ConfigureAwait(false);
            if (result.GetValue(Soak) is { } soak)
                return await SoakAsync(context, options, site, bundlePath, faults, soak, ct).ConfigureAwait(false);
            await using var lab = await RehearsalLab.StartAsync(site, faults, context.Time, workDir.Path, ct).ConfigureAwait(false);
            var journal = settings.JournalPath ?? Path.Combine(workDir.Path, "journal.jsonl");
            await using var world = options.LibvirtUri is { } uri ? await RehearsalLibvirtWorld.CreateAsync(uri, lab.Cloud.Hypervisor, site, context.Io, ct).ConfigureAwait(false) : null;
            var services = new RehearsalServices(site, lab, journal, context.Time, world?.Hypervisor);
            context.Io.Line($"Rehearsal of phase-00 on the lab '{site.Cloud.Name}' (MAAS at {lab.Server.MaasUrl})");
            if (!faults.IsEmpty) context.Io.Line($"Injecting MAAS faults: {faults}");

            var rehearsal = new RehearsalRun(context, services, lab);
            foreach (var step in PhaseSteps.All)
                await rehearsal.RunAsync(step, bundlePath, ct).ConfigureAwait(false);
            if (bundlePath is null)
                rehearsal.Gates.Add(RehearsalGate.Skipped("EXIT GATE", 0));
            else
                await rehearsal.RunAsync("EXIT GATE (every step's gate, fresh)", "EXIT GATE", new ExitGateStep(PhaseSteps.ExitParts(services, bundlePath)), RunMode.Gate).ConfigureAwait(false);
            var gates = rehearsal.Gates;
            rehearsal.Say("Summary", "step             gate       MAAS calls");
            foreach (var gate in gates)
                context.Io.Line($"{gate.Step,-16} {gate.Outcome,-10} {gate.Calls,10}");
            if (!faults.IsEmpty)
                context.Io.Line($"Injected faults: {lab.Cloud.Events.Count(e => e.Source == LabFaults.EventSource)} ({faults})");
            context.Io.Line($"Journal: {journal}{(settings.JournalPath is null ? " (removed with the lab; pass --journal FILE to keep it)" : "")}");
            var green = gates.Count(g => g.Green);
            context.Io.Line($"Rehearsal: {green} of {gates.Count} step(s) green; {lab.Client.RequestCount} MAAS API calls; " +
                            $"{lab.Server.Violations.Count} protected-machine violation(s)");
            return green == gates.Count && lab.Server.Violations.Count == 0 ? 0 : (int)ExitCode.GateRed;
        }
        finally
        {
            workDir.Dispose();
        }
    }

    private static Task<int> CrashAsync(CliContext context, RehearsalOptions options, Site site, string? sitePath, LabFaults faults, string workDir,
        CancellationToken ct)
    {
        if (options.Hosts is not null || options.LibvirtUri is not null)
            throw new CliInputException("--crash: runs on the site as it is, on the lab's hypervisor (no --hosts, no --libvirt)");
        return new CrashTable(context, site, sitePath ?? SampleSite.WriteTo(workDir), faults).RunAsync(ct);
    }

    private static Task<int> SoakAsync(CliContext context, RehearsalOptions options, Site site, string? bundlePath, LabFaults faults, string runs,
        CancellationToken ct)
    {
        if (!int.TryParse(runs, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count is < 1 or > 10000)
            throw new CliInputException($"--soak {runs}: expected a number of runs from 1 to 10000");
        if (options.LibvirtUri is not null)
            throw new CliInputException("--soak: runs on the lab's hypervisor (no --libvirt)");
        if (bundlePath is null)
            throw new CliInputException("--soak: needs a bundle for the EXIT GATE: pass --bundle FILE (or keep <site>.bundle.yaml beside the site file)");
        return new RehearsalSoak(context, site, bundlePath, faults, count).RunAsync(ct);
    }

    private static (Site Site, string? BundlePath) ResolveInputs(SlateSettings settings, string? explicitBundle, string workDir)
    {
        if (settings.SitePath is { } sitePath)
            return (SiteLoader.Load(sitePath), SiteBundle.Resolve(explicitBundle, sitePath));
        SampleSite.WriteTo(workDir);
        return (SampleSite.Load(), explicitBundle ?? Path.Combine(workDir, SampleSite.BundleName));
    }
}
