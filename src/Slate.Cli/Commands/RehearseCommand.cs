using System.CommandLine;
using Slate.Cli.Rehearsal;
using Slate.Cli.Rendering;
using Slate.Lab;
using Slate.Lab.Faults;
using Slate.Runbook.BundleCheck;
using Slate.Runbook.Core;
using Slate.Runbook.Preflight;
using Slate.Runbook.Sites;

namespace Slate.Cli.Commands;

/// <summary>`slate rehearse`: starts the embedded lab and runs every runbook step built so far against it, in order.</summary>
internal static class RehearseCommand
{
    private static readonly Option<string?> Bundle = new("--bundle")
    {
        Description = "Bundle for the Step 7b gate (default: the built-in cloud's bundle, or <site>.bundle.yaml beside --site)",
    };

    public static Command Create(CliContext context)
    {
        var command = new Command("rehearse",
            "Rehearse the whole phase on the embedded lab (no real cloud is touched): every step, its gate, and a summary. " +
            "Without --site it uses the built-in runbook cloud.");
        command.Options.Add(Bundle);
        command.Options.Add(GlobalOptions.Site);
        command.Options.Add(LabFaultOption.Fault);
        command.SetAction((result, ct) => RunAsync(context, result, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult result, CancellationToken ct)
    {
        using var workDir = PrivateTempFolder.Create("slate-rehearse-");
        var (site, bundlePath) = ResolveInputs(context, result, workDir.Path);
        var faults = LabFaultOption.Read(result, site);
        await using var lab = await RehearsalLab.StartAsync(site, faults, context.Time, workDir.Path, ct).ConfigureAwait(false);
        context.Io.Line($"Rehearsal of phase-00 on the lab '{site.Cloud.Name}' (MAAS at {lab.Server.MaasUrl})");
        if (!faults.IsEmpty) context.Io.Line($"Injecting MAAS faults: {faults}");

        RehearsalGate[] gates =
        [
            await PreflightAsync(context, site, lab, ct).ConfigureAwait(false),
            await BundleGateAsync(context, site, lab, bundlePath, ct).ConfigureAwait(false),
        ];

        Heading(context, "Summary");
        foreach (var gate in gates)
            context.Io.Line($"{gate.Step,-12} {gate.Outcome}");
        if (!faults.IsEmpty)
            context.Io.Line($"Injected faults: {lab.Cloud.Events.Count(e => e.Source == LabFaults.EventSource)} ({faults})");
        var green = gates.Count(g => g.Green);
        context.Io.Line($"Rehearsal: {green} of {gates.Length} step(s) green; {lab.Client.RequestCount} MAAS API calls; " +
                        $"{lab.Server.Violations.Count} protected-machine violation(s)");
        return green == gates.Length && lab.Server.Violations.Count == 0 ? 0 : (int)ExitCode.GateRed;
    }

    private static async Task<RehearsalGate> PreflightAsync(CliContext context, Site site, RehearsalLab lab, CancellationToken ct)
    {
        Heading(context, "Step 1: pre-flight");
        var report = await new PreflightStep(site, lab.Maas, lab.Hypervisor, lab.Juju).RunAsync(ct).ConfigureAwait(false);
        PreflightView.Render(context.Io, site, report);
        return RehearsalGate.Of("pre-flight", report.ExitCode == ExitCode.Ok);
    }

    private static async Task<RehearsalGate> BundleGateAsync(CliContext context, Site site, RehearsalLab lab, string? bundlePath, CancellationToken ct)
    {
        Heading(context, "Step 7b: bundle gate");
        if (bundlePath is null)
        {
            context.Io.Line("no bundle: pass --bundle FILE (or keep <site>.bundle.yaml beside the site file)");
            return RehearsalGate.Skipped("bundle gate");
        }
        var facts = await LiveBundleFacts.FromMaasAsync(site, lab.Maas, ct).ConfigureAwait(false);
        var request = new BundleCheckRequest(site, bundlePath, [], facts.HostProviderMacs, facts.Spaces);
        var report = BundleChecker.Check(request);
        BundleView.Render(context.Io, request, report);
        return RehearsalGate.Of("bundle gate", report.AllPassed);
    }

    private static (Site Site, string? BundlePath) ResolveInputs(CliContext context, ParseResult result, string workDir)
    {
        var explicitBundle = result.GetValue(Bundle);
        if (GlobalOptions.GivenSitePath(result, context.Environment) is { } sitePath)
        {
            var sibling = Path.ChangeExtension(sitePath, null) + ".bundle.yaml";
            return (SiteLoader.Load(sitePath), explicitBundle ?? (File.Exists(sibling) ? sibling : null));
        }
        var builtIn = SampleSite.WriteTo(workDir);
        return (SiteLoader.Load(builtIn), explicitBundle ?? Path.Combine(workDir, SampleSite.BundleName));
    }

    private static void Heading(CliContext context, string title)
    {
        context.Io.Line("");
        context.Io.Line($"== {title} ==");
    }
}
