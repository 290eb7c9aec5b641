using System.CommandLine;
using Slate.Cli.Rehearsal;
using Slate.Cli.Steps;
using Slate.Lab;
using Slate.Lab.Faults;
using Slate.Runbook.BundleCheck;
using Slate.Runbook.Carve;
using Slate.Runbook.Core;
using Slate.Runbook.OsdWipe;
using Slate.Runbook.Preflight;
using Slate.Runbook.Reenroll;
using Slate.Runbook.Sites;
using Slate.Runbook.StaleNetworks;
using Slate.Runbook.Standup;
using Slate.Runbook.Teardown;

namespace Slate.Cli.Commands;

/// <summary>`slate rehearse`: starts the embedded lab and runs every runbook step built so far against it, in order, through the one runner.</summary>
internal static class RehearseCommand
{
    private static readonly Option<string?> Bundle = new("--bundle")
    {
        Description = "Bundle for the Step 7b gate (default: the built-in cloud's bundle, or <site>.bundle.yaml beside --site)",
    };

    public static Command Create(CliContext context)
    {
        var command = new Command("rehearse",
            "Rehearse the whole phase on the embedded lab (no real cloud is touched): every step built so far planned, applied " +
            "(the rehearsal types the confirmations itself, and says so) and gated, then a summary. Without --site it uses the built-in runbook cloud.");
        command.Options.Add(Bundle);
        command.Options.Add(GlobalOptions.Site);
        command.Options.Add(GlobalOptions.Journal);
        command.Options.Add(LabFaultOption.Fault);
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
            await using var lab = await RehearsalLab.StartAsync(site, faults, context.Time, workDir.Path, ct).ConfigureAwait(false);
            var journal = settings.JournalPath ?? Path.Combine(workDir.Path, "journal.jsonl");
            await using var world = options.LibvirtUri is { } uri ? await RehearsalLibvirtWorld.CreateAsync(uri, lab.Cloud.Hypervisor, site, context.Io, ct).ConfigureAwait(false) : null;
            var services = new RehearsalServices(site, lab, journal, context.Time, world?.Hypervisor);
            context.Io.Line($"Rehearsal of phase-00 on the lab '{site.Cloud.Name}' (MAAS at {lab.Server.MaasUrl})");
            if (!faults.IsEmpty) context.Io.Line($"Injecting MAAS faults: {faults}");

            var gates = new List<RehearsalGate>
            {
                await RunStepAsync(context, services, "Step 1: pre-flight", "pre-flight", new PreflightStep(services), RunMode.Gate).ConfigureAwait(false),
                await RunStepAsync(context, services, "Step 2: teardown (Path B destroy)", "teardown",
                    new TeardownStep(services, new TeardownOptions(TeardownPath.Destroy, Canary: false, TimeSpan.FromMinutes(2))), RunMode.Apply).ConfigureAwait(false),
                await RunStepAsync(context, services, "Step 3: stale networks", "networks", new StaleNetworksStep(services), RunMode.Apply).ConfigureAwait(false),
                await RunStepAsync(context, services, "Step 4: OSD wipe", "osd wipe", new OsdWipeStep(services), RunMode.Apply).ConfigureAwait(false),
                // The rehearsal knows the lab's power password: it is handed over as a secret, never asked for or shown.
                await RunStepAsync(context, services, "Step 5: re-enrolment", "reenroll", new ReenrollStep(services,
                    new ReenrollOptions(TimeSpan.FromMinutes(5), _ => new SecretText(lab.Cloud.Pods.Pod.PowerPassword))), RunMode.Apply).ConfigureAwait(false),
            };
            gates.AddRange(await CarveAsync(context, services, ct).ConfigureAwait(false));
            gates.Add(await RunStepAsync(context, services, "Step 7a: standup (MAAS drift, read-only)", "standup", new StandupStep(services), RunMode.Gate).ConfigureAwait(false));
            if (bundlePath is null)
            {
                Heading(context, "Step 7b: bundle gate");
                context.Io.Line("no bundle: pass --bundle FILE (or keep <site>.bundle.yaml beside the site file)");
                gates.Add(RehearsalGate.Skipped("bundle gate"));
            }
            else
            {
                // Live, as the runbook runs it before deploy: the spaces and the re-enrolled hosts' provider NIC MACs from MAAS.
                gates.Add(await RunStepAsync(context, services, "Step 7b: bundle gate (live: MAAS's spaces and the hosts' provider MACs)", "bundle gate",
                    new BundleCheckStep(services, bundlePath, [], live: true), RunMode.Gate).ConfigureAwait(false));
            }

            Heading(context, "Summary");
            foreach (var gate in gates)
                context.Io.Line($"{gate.Step,-12} {gate.Outcome}");
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

    /// <summary>Step 6, one host per call as the runbook says: every site host MAAS has (Step 5 re-enrols them after the teardown).</summary>
    private static async Task<List<RehearsalGate>> CarveAsync(CliContext context, RehearsalServices services, CancellationToken ct)
    {
        var enrolled = (await services.Maas.FindMachinesAsync(services.Site.Hosts.Select(h => h.Name).ToList(), ct).ConfigureAwait(false))
            .Select(m => m.Hostname).ToHashSet(StringComparer.Ordinal);
        var gates = new List<RehearsalGate>();
        foreach (var host in services.Site.Hosts.Where(h => enrolled.Contains(h.Name)))
        {
            gates.Add(await RunStepAsync(context, services, $"Step 6: carve {host.Name} (Pattern A)", $"carve {host.Name}",
                new CarveStep(services, [host]), RunMode.Apply).ConfigureAwait(false));
        }
        if (gates.Count == 0)
        {
            Heading(context, "Step 6: carve (Pattern A)");
            context.Io.Line("no host is in MAAS after the teardown: Step 5 (re-enrolment) brings them back to be carved");
        }
        return gates;
    }

    private static async Task<RehearsalGate> RunStepAsync(CliContext context, RehearsalServices services, string title, string name, IStep step, RunMode mode)
    {
        Heading(context, title);
        var observer = new ConsoleRunObserver(context.Io, services.Site, context.Time, json: false, answersItself: true);
        var run = await new StepRunner(services, observer, context.Interruption, []).RunAsync(step, mode).ConfigureAwait(false);
        return RehearsalGate.Of(name, run.ExitCode == ExitCode.Ok);
    }

    private static (Site Site, string? BundlePath) ResolveInputs(SlateSettings settings, string? explicitBundle, string workDir)
    {
        if (settings.SitePath is { } sitePath)
        {
            var sibling = Path.ChangeExtension(sitePath, null) + ".bundle.yaml";
            return (SiteLoader.Load(sitePath), explicitBundle ?? (File.Exists(sibling) ? sibling : null));
        }
        SampleSite.WriteTo(workDir);
        return (SampleSite.Load(), explicitBundle ?? Path.Combine(workDir, SampleSite.BundleName));
    }

    private static void Heading(CliContext context, string title)
    {
        context.Io.Line("");
        context.Io.Line($"== {title} ==");
    }
}
