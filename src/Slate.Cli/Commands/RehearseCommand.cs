using System.CommandLine;
using Slate.Cli.Rendering;
using Slate.Lab;
using Slate.Juju;
using Slate.Lab.Cloud;
using Slate.Lab.Faults;
using Slate.Lab.Juju;
using Slate.Lab.Maas;
using Slate.Maas;
using Slate.Maas.Ports;
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
        var workDir = Directory.CreateTempSubdirectory("slate-rehearse-");
        try
        {
            var (site, bundlePath) = ResolveInputs(context, result, workDir.FullName);
            var faults = LabFaultOption.Read(result, site);
            var cloud = new LabCloud(site, context.Time) { Faults = faults };
            await using var server = await LabMaasServer.StartAsync(cloud, 0, ct).ConfigureAwait(false);
            using var client = new MaasClient(new MaasCredentials(server.MaasUrl, server.ApiKey));
            var maas = new MaasPort(client);
            context.Io.Line($"Rehearsal of phase-00 on the lab '{site.Cloud.Name}' (MAAS at {server.MaasUrl})");
            if (!faults.IsEmpty) context.Io.Line($"Injecting MAAS faults: {faults}");
            var gates = new List<(string Name, string Outcome, bool Green)>();

            Heading(context, "Step 1: pre-flight");
            var (slate, slateArguments) = SlateExecutable.CommandLine();
            var juju = new JujuCli(LabJujuShim.Write(Path.Combine(workDir.FullName, "bin"), slate, slateArguments, (server.LabUrl, server.LabToken)),
                site.Cloud.JujuController, TimeSpan.FromMinutes(2));
            var preflight = await new PreflightStep(site, maas, cloud.Hypervisor, juju).RunAsync(ct).ConfigureAwait(false);
            PreflightView.Render(context.Io, site, preflight);
            gates.Add(("pre-flight", Outcome(preflight.ExitCode == ExitCode.Ok), preflight.ExitCode == ExitCode.Ok));

            Heading(context, "Step 7b: bundle gate");
            if (bundlePath is null)
            {
                context.Io.Line("no bundle: pass --bundle FILE (or keep <site>.bundle.yaml beside the site file)");
                gates.Add(("bundle gate", "skipped", false));
            }
            else
            {
                var facts = await LiveBundleFacts.FromMaasAsync(site, maas, ct).ConfigureAwait(false);
                var request = new BundleCheckRequest(site, bundlePath, [], facts.HostProviderMacs, facts.Spaces);
                var report = BundleChecker.Check(request);
                BundleView.Render(context.Io, request, report);
                gates.Add(("bundle gate", Outcome(report.AllPassed), report.AllPassed));
            }

            Heading(context, "Summary");
            foreach (var (name, outcome, _) in gates)
                context.Io.Line($"{name,-12} {outcome}");
            var green = gates.Count(g => g.Green);
            if (!faults.IsEmpty)
                context.Io.Line($"Injected faults: {cloud.Events.Count(e => e.Source == LabFaults.EventSource)} ({faults})");
            context.Io.Line($"Rehearsal: {green} of {gates.Count} step(s) green; {client.RequestCount} MAAS API calls; " +
                            $"{server.Violations.Count} protected-machine violation(s)");
            return green == gates.Count && server.Violations.Count == 0 ? 0 : (int)ExitCode.GateRed;
        }
        finally
        {
            workDir.Delete(recursive: true);
        }
    }

    private static (Site Site, string? BundlePath) ResolveInputs(CliContext context, ParseResult result, string workDir)
    {
        var explicitBundle = result.GetValue(Bundle);
        if ((result.GetValue(GlobalOptions.Site) ?? context.Environment.GetValueOrDefault("SLATE_SITE")) is { } sitePath)
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

    private static string Outcome(bool green) => green ? "GATE green" : "GATE red";
}
