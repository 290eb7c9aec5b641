using System.CommandLine;
using Slate.Cli.Rendering;
using Slate.Lab.Cloud;
using Slate.Lab.Maas;
using Slate.Maas;
using Slate.Maas.Ports;
using Slate.Runbook.Core;
using Slate.Runbook.Preflight;

namespace Slate.Cli.Commands;

/// <summary>`slate rehearse`: starts the embedded lab and runs every runbook step built so far against it, in order.</summary>
internal static class RehearseCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("rehearse",
            "Rehearse the whole phase on the embedded lab (no real cloud is touched): every step, its gate, and a summary.");
        command.SetAction((result, ct) => RunAsync(context, result, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult result, CancellationToken ct)
    {
        var site = LabSite.Resolve(result, context.Environment);
        var cloud = new LabCloud(site, context.Time);
        await using var server = await LabMaasServer.StartAsync(cloud, 0, ct).ConfigureAwait(false);
        using var client = new MaasClient(new MaasCredentials(server.MaasUrl, server.ApiKey));
        var maas = new MaasPort(client);
        context.Io.Line($"Rehearsal of phase-00 on the lab '{site.Cloud.Name}' (MAAS at {server.MaasUrl})");

        var steps = new List<(string Name, ExitCode Code)>();
        context.Io.Line("");
        context.Io.Line("== Step 1: pre-flight ==");
        var preflight = await new PreflightStep(site, maas, cloud.Hypervisor).RunAsync(ct).ConfigureAwait(false);
        PreflightView.Render(context.Io, site, preflight);
        steps.Add(("pre-flight", preflight.ExitCode));

        context.Io.Line("");
        foreach (var (name, code) in steps)
            context.Io.Line($"{name,-12} {(code == ExitCode.Ok ? "GATE green" : $"GATE red (exit {(int)code})")}");
        var green = steps.Count(s => s.Code == ExitCode.Ok);
        context.Io.Line($"Rehearsal: {green} of {steps.Count} step(s) green; {client.RequestCount} MAAS API calls; " +
                        $"{server.Violations.Count} protected-machine violation(s)");
        return green == steps.Count && server.Violations.Count == 0 ? 0 : (int)ExitCode.GateRed;
    }
}
