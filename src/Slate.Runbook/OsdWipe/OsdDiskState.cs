using Slate.Runbook.Ports;

namespace Slate.Runbook.OsdWipe;

/// <summary>
/// One host's disks as Step 4 sees them: the path the site's rule gives, the disk its domain attaches as the OSD
/// target (AttachedPath, null when none) with the path resolved on the hypervisor host, its volume (null when no pool
/// holds such a file), and the OS disk's volume (vda).
/// </summary>
public sealed record OsdDiskState(
    string Host,
    string RulePath,
    string? AttachedPath,
    string? ResolvedPath,
    StorageVolume? Volume,
    string? OsPath,
    StorageVolume? OsVolume);
