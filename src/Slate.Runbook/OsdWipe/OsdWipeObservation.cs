using Slate.Runbook.AfterTeardown;
using Slate.Runbook.Ports;

namespace Slate.Runbook.OsdWipe;

/// <summary>
/// What Step 4 reads, fresh each time: the hosts' rest state, the images folder and every domain's disk paths as the
/// hypervisor host resolves them, each host's OSD and OS disk, and the baseline the journal kept at apply time.
/// </summary>
public sealed record OsdWipeObservation(
    HostsAtRest Hosts,
    string ImagesDir,
    IReadOnlyList<DomainDevices> Devices,
    IReadOnlyDictionary<string, string> Resolved,
    IReadOnlyList<OsdDiskState> Disks,
    string? Error,
    IReadOnlyDictionary<string, string> Baseline)
{
    public string? Failure => Hosts.Error ?? Error;

    /// <summary>Every (domain, target) attaching this file, compared after resolving `..` and links.</summary>
    public IReadOnlyList<(string Domain, string Target)> Attachments(string resolvedPath) =>
    [
        .. Devices.SelectMany(d => d.Disks
            .Where(disk => disk.SourcePath is { } source && Resolved.GetValueOrDefault(source) == resolvedPath)
            .Select(disk => (d.Domain, disk.Target))),
    ];
}
