using Slate.Runbook.Ports;

namespace Slate.Runbook.OsdWipe;

/// <summary>
/// What Step 4 reads, fresh each time: the hypervisor's domains (null: the list could not be read), the images folder
/// and every domain's disk paths as the hypervisor host resolves them, each host's OSD and OS disk, and the baseline the
/// journal kept at apply time. Error says why the hypervisor could not be read.
/// </summary>
public sealed record OsdWipeObservation(
    IReadOnlyList<HypervisorDomain>? Domains,
    string ImagesDir,
    IReadOnlyList<DomainDevices> Devices,
    IReadOnlyDictionary<string, string> Resolved,
    IReadOnlyList<OsdDiskState> Disks,
    string? Error,
    JournalBaseline Baseline)
{
    public HypervisorDomain? Domain(string name) => Domains?.FirstOrDefault(d => d.Name == name);

    /// <summary>Every (domain, target) attaching this file, compared after resolving `..` and links.</summary>
    public IReadOnlyList<(string Domain, string Target)> Attachments(string resolvedPath) =>
    [
        .. Devices.SelectMany(d => d.Disks
            .Where(disk => disk.SourcePath is { } source && Resolved.GetValueOrDefault(source) == resolvedPath)
            .Select(disk => (d.Domain, disk.Target))),
    ];
}
