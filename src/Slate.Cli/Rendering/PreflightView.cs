using System.Text.Json;
using Slate.Cli.Interaction;
using Slate.Runbook.Core;
using Slate.Runbook.Preflight;
using Slate.Runbook.Sites;

namespace Slate.Cli.Rendering;

internal static class PreflightView
{
    public static string ToJson(Site site, PreflightReport report) => JsonSerializer.Serialize(
        new PreflightDocument("preflight", site.SourcePath, site.Cloud.Name, (int)report.ExitCode, report), CliJson.Default.PreflightDocument);

    public static void Render(IInteraction io, Site site, PreflightReport report)
    {
        io.Line($"Pre-flight (read-only) — {site.Cloud.Name} [{site.Cloud.Environment.ToString().ToLowerInvariant()}], MAAS '{report.MaasName}'");
        io.Table("planes (hard blocker if absent or different)", ["plane", "expected", "MAAS has", "state"],
            report.Planes.Select(p => Row(p.Name, p.ExpectedCidr, p.ActualCidrs.Count == 0 ? "-" : string.Join(", ", p.ActualCidrs), PlaneWord(p.State))).ToList());
        io.Table("machines (baseline)", ["hostname", "role", "system_id", "status", "power"],
            report.Machines.Select(m => Row(m.Hostname, m.Role.ToString().ToLowerInvariant(), m.SystemId ?? "-", m.StatusName ?? "absent", m.PowerState ?? "-")).ToList());
        if (report.Juju is { } model)
            io.Table($"juju model {model.Model} (the teardown's targets)", ["machine", "instance-id", "MAAS hostname", "status"],
                model.Machines.Select(m => Row(m.MachineId, m.InstanceId ?? "-", m.Hostname ?? "NOT A SITE MACHINE", m.Status ?? "-")).ToList());
        io.Table("OSD disks (each host's domain state and disk file, as the hypervisor has them)", ["host", "domain", "file", "owner", "mode"],
            report.OsdDisks.Select(d => Row(d.Host, d.DomainState, d.Path, d.Owner ?? "absent", d.Mode ?? "-")).ToList());
        FindingsView.Render(io, report.Findings);
    }

    private static string PlaneWord(PlaneState state) => state switch
    {
        PlaneState.Ok => "ok",
        PlaneState.Missing => "MISSING",
        _ => "WRONG CIDR",
    };

    private static IReadOnlyList<string> Row(params string[] cells) => cells;
}
