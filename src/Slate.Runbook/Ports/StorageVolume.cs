namespace Slate.Runbook.Ports;

/// <summary>Owner of a volume's file; the names are null when the uid/gid has no entry on this machine.</summary>
public sealed record VolumeOwner(int Uid, string? User, int Gid, string? Group);

/// <summary>A storage volume. Mode is the file's permission bits (0600 = 384). Compat is qcow2's compat level, if any.</summary>
public sealed record StorageVolume(
    string Path, long CapacityBytes, long AllocationBytes, string Format, string? Compat, VolumeOwner Owner, int Mode);

/// <summary>
/// A volume to create. Owner and Group are user/group names (or numeric ids) resolved on this machine;
/// Compat applies to qcow2 only.
/// </summary>
public sealed record VolumeSpec(string Path, long CapacityBytes, string Format, string Owner, string Group, int Mode, string Compat = "1.1");
