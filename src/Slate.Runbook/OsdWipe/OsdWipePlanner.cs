using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.OsdWipe;

/// <summary>Runbook Step 4's plan: each host's OSD disk as attached, every reason to refuse, one wipe per disk not blank yet.</summary>
internal static class OsdWipePlanner
{
    private const string Heading = "Step 4 — OSD disk wipe (DESTRUCTIVE: every Ceph OSD disk recreated blank; the OS disks are never touched)";

    public static bool IsOsDevice(Site site, string target) => target == "vda" || site.Osd.NeverTouch.Contains(target, StringComparer.Ordinal);

    public static StepPlan Plan(Site site, OsdWipeObservation o)
    {
        if (o.Error is { } error)
        {
            var unread = o.Domains is null ? HypervisorFindings.Unreachable(error) : HypervisorFindings.Unreadable("the disks", error);
            return new StepPlan(Heading, [], [unread], [], [], new Dictionary<string, string>());
        }
        var findings = new List<Finding>();
        if (IsOsDevice(site, site.Osd.Device))
            findings.Add(new Finding(Severity.Fatal, "osd-device-is-os-disk", "osd.device",
                $"the site's OSD target {site.Osd.Device} is the OS disk (vda or osd.never): it is never wiped", "not vda, not in osd.never", site.Osd.Device));
        foreach (var disk in o.Disks.Where(d => o.Domain(d.Host) is not null))
            findings.AddRange(Problems(site, o, disk));
        var actions = o.Disks.Where(d => o.Domain(d.Host) is not null && d.AttachedPath is not null && (d.Volume is null || !BlankOsd.IsWiped(site.Osd, d.Volume)))
            .Select(d => new OsdWipeAction.Wipe(d.Host, d.AttachedPath!, d.Volume is not null).Planned((d.Volume is null ? "" : $"delete {d.AttachedPath}, then ") +
                $"create a blank {site.Osd.Format} of {ByteSize.Format(site.Osd.SizeBytes)} (compat {BlankOsd.Compat}) owned {BlankOsd.ExpectedOwner(site.Osd)}"))
            .ToList();
        var baseline = o.Disks.Where(d => d.OsVolume is not null).ToDictionary(d => OsdWipeBaseline.OsDiskKey(d.Host), d => BlankOsd.Fingerprint(d.OsVolume!), StringComparer.Ordinal);
        return new StepPlan(Heading, [DisksTable(site, o, actions)], findings, actions,
            ["vda (the OS disk) is never touched: MAAS reinstalls it on deploy.", "The wipe destroys all Ceph OSD data on these disks; there is no backup."],
            baseline);
    }

    private static IEnumerable<Finding> Problems(Site site, OsdWipeObservation o, OsdDiskState disk)
    {
        if (disk.AttachedPath is null || disk.ResolvedPath is null)
        {
            yield return new Finding(Severity.Fatal, "osd-not-attached", disk.Host,
                $"the domain has no {site.Osd.Device} disk: the site's OSD disk {disk.RulePath} is attached to no host", site.Osd.Device, "none");
            yield break;
        }
        if (o.Resolved.GetValueOrDefault(disk.RulePath) != disk.ResolvedPath)
            yield return new Finding(Severity.Fatal, "osd-path-differs", disk.Host,
                $"{site.Osd.Device} is {disk.AttachedPath}, but the site's rule (osd.file) gives {disk.RulePath}", disk.RulePath, disk.AttachedPath);
        if (!disk.ResolvedPath.StartsWith(o.ImagesDir.TrimEnd('/') + "/", StringComparison.Ordinal))
            yield return new Finding(Severity.Fatal, "osd-outside-images", disk.Host,
                $"{disk.AttachedPath} resolves to {disk.ResolvedPath}, outside the images folder {o.ImagesDir}", $"under {o.ImagesDir}", disk.ResolvedPath);
        // The attached file and the file the site's rule names: neither may be anyone's OS disk.
        var rulePath = o.Resolved.GetValueOrDefault(disk.RulePath) ?? disk.ResolvedPath;
        foreach (var path in new[] { disk.ResolvedPath, rulePath }.Distinct(StringComparer.Ordinal))
        {
            foreach (var (domain, target) in o.Attachments(path).Where(a => IsOsDevice(site, a.Target)))
                yield return new Finding(Severity.Fatal, "osd-is-os-disk", disk.Host,
                    $"{path} is attached to {domain} as {target}, an OS disk: it is never wiped", "an OSD disk only", $"{domain} {target}");
        }
        var attachments = o.Attachments(disk.ResolvedPath);
        var domains = attachments.Select(a => a.Domain).Distinct(StringComparer.Ordinal).ToList();
        if (domains.Count > 1)
            yield return new Finding(Severity.Fatal, "osd-shared", disk.Host,
                $"{disk.ResolvedPath} is attached to {domains.Count} domains ({string.Join(", ", domains)})", "one domain", string.Join(", ", domains));
    }

    private static ReportTable DisksTable(Site site, OsdWipeObservation o, IReadOnlyList<PlannedAction> actions) => new(
        $"OSD disks ({site.Osd.Device} of each host; rule {site.Osd.FileTemplate})",
        ["host", "domain", "target", "path", "format", "virtual", "allocated", "owner", "plan"],
        [
            .. o.Disks.Select(d => ReportTable.Row(d.Host, o.Domain(d.Host) is { } dom ? DomainStates.Describe(dom.State) : "absent",
                site.Osd.Device, d.AttachedPath ?? "-",
                d.Volume is { } v ? v.Format + (v.Compat is { } c ? " " + c : "") : "absent",
                d.Volume is null ? "-" : ByteSize.Format(d.Volume.CapacityBytes), d.Volume is null ? "-" : ByteSize.Format(d.Volume.AllocationBytes),
                d.Volume is null ? "-" : BlankOsd.DescribeOwner(d.Volume),
                actions.Any(a => a.Subject == d.Host) ? (d.Volume is null ? "create" : "WIPE") : (d.AttachedPath is null ? "-" : "blank already"))),
        ]);
}
