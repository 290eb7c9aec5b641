using Slate.Runbook.Core;
using Slate.Runbook.Sites;

namespace Slate.Runbook.OsdWipe;

/// <summary>Runbook Step 4's GATE on a fresh observation: each OSD disk blank, attached, root:root 600; each OS disk as journalled.</summary>
internal static class OsdWipeGate
{
    public static GateReport Judge(Site site, OsdWipeObservation o)
    {
        if (o.Error is { } failure)
            return new GateReport([new GateLine("hypervisor", false, "hypervisor", "readable", failure)]);
        var lines = new List<GateLine>();
        foreach (var disk in o.Disks)
        {
            var attachedRight = disk.ResolvedPath is not null && disk.ResolvedPath == o.Resolved.GetValueOrDefault(disk.RulePath);
            lines.Add(new GateLine("osd-attached", attachedRight, disk.Host, $"{site.Osd.Device} = {disk.RulePath}", disk.AttachedPath ?? $"no {site.Osd.Device}"));
            lines.Add(disk.Volume is { } volume
                ? new GateLine("osd-blank", BlankOsd.IsBlank(site.Osd, volume), disk.Host, BlankOsd.Expected(site.Osd), BlankOsd.Describe(volume))
                : new GateLine("osd-blank", false, disk.Host, BlankOsd.Expected(site.Osd), "no such volume"));
            lines.Add(disk.Volume is { } owned
                ? new GateLine("osd-owner", BlankOsd.IsOwned(site.Osd, owned), disk.Host, BlankOsd.ExpectedOwner(site.Osd), BlankOsd.DescribeOwner(owned))
                : new GateLine("osd-owner", false, disk.Host, BlankOsd.ExpectedOwner(site.Osd), "no such volume"));
            var os = disk.OsVolume is { } osVolume ? BlankOsd.Fingerprint(osVolume) : "no OS disk";
            var expected = o.Baseline.GetValueOrDefault(OsdWipeBaseline.OsDiskKey(disk.Host));
            lines.Add(new GateLine("os-disk-same", disk.OsVolume is not null && (expected is null || expected == os), disk.Host,
                expected ?? "(no journalled baseline)", $"{disk.OsPath ?? "vda"}: {os}"));
        }
        return new GateReport(lines) { Basis = o.Baseline.Source };
    }
}
