using Slate.Runbook.Core;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Preflight;

/// <summary>The baseline as the operator reads it: the runbook's Step 1 CHECK block, one table per question.</summary>
internal static class PreflightTables
{
    public static IReadOnlyList<ReportTable> Of(Site site, PreflightReport report)
    {
        var tables = new List<ReportTable>
        {
            new("planes (hard blocker if absent or different)", ["plane", "expected", "MAAS has", "state"],
                report.Planes.Select(p => ReportTable.Row(p.Name, p.ExpectedCidr, p.ActualCidrs.Count == 0 ? "-" : string.Join(", ", p.ActualCidrs), PlaneWord(p.State))).ToList()),
            new("machines (baseline)", ["hostname", "role", "system_id", "status", "power"],
                report.Machines.Select(m => ReportTable.Row(m.Hostname, m.Role.ToString().ToLowerInvariant(), m.SystemId ?? "-", m.StatusName ?? "absent", m.PowerState ?? "-")).ToList()),
        };
        if (report.Juju is { } model)
            tables.Add(new ReportTable($"juju model {model.Model} (the teardown's targets)", ["machine", "instance-id", "MAAS hostname", "status"],
                model.Machines.Select(m => ReportTable.Row(m.MachineId, m.InstanceId ?? "-", m.Hostname ?? "NOT A SITE MACHINE", m.Status ?? "-")).ToList()));
        tables.Add(new ReportTable($"OSD disks ({site.Osd.Device}; the teardown's pre-wipe baseline)", ["host", "domain", "file", "owner", "mode"],
            report.OsdDisks.Select(d => ReportTable.Row(d.Host, d.DomainState, d.Path, d.Owner ?? "absent", d.Mode ?? "-")).ToList()));
        return tables;
    }

    private static string PlaneWord(PlaneState state) => state switch
    {
        PlaneState.Ok => "ok",
        PlaneState.Missing => "MISSING",
        _ => "WRONG CIDR",
    };
}
