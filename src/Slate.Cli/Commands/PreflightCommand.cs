using System.CommandLine;
using Slate.Cli.Rendering;
using Slate.Runbook.Core;
using Slate.Runbook.Preflight;
using Slate.Runbook.Sites;

namespace Slate.Cli.Commands;

/// <summary>`slate preflight`: runbook Step 1, read-only baseline. Exit 3 when a plane is missing or wrong, 4 on the wrong cloud.</summary>
internal static class PreflightCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("preflight",
            "Runbook Step 1 (read-only): the cloud's identity, the six planes (hard blockers) and the baseline of machines, model and OSD disks.");
        command.Options.Add(GlobalOptions.Site);
        command.Options.Add(GlobalOptions.Json);
        command.Options.Add(GlobalOptions.MaasProfile);
        command.Options.Add(GlobalOptions.Libvirt);
        command.SetAction((result, ct) => RunAsync(context, result, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult result, CancellationToken ct)
    {
        var site = SiteLoader.Load(GlobalOptions.SitePath(result, context.Environment));
        var maas = context.ConnectMaas(result, context.Environment);
        var hypervisor = context.ConnectHypervisor(result, context.Environment, site);
        try
        {
            var juju = context.ConnectJuju(context.Environment, site);
            var report = await new PreflightStep(site, maas, hypervisor, juju).RunAsync(ct).ConfigureAwait(false);
            Render(context, result, site, report);
            return (int)report.ExitCode;
        }
        finally
        {
            (hypervisor as IDisposable)?.Dispose();
        }
    }

    private static void Render(CliContext context, ParseResult result, Site site, PreflightReport report)
    {
        if (result.GetValue(GlobalOptions.Json))
            context.Io.Json(PreflightView.ToJson(site, report));
        else
            PreflightView.Render(context.Io, site, report);
    }
}
