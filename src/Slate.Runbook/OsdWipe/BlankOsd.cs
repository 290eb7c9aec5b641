using System.Globalization;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.OsdWipe;

/// <summary>
/// What a freshly wiped OSD disk is (the runbook's `qemu-img create -f qcow2 F 512G`, chown root:root, chmod 600):
/// the rule's format, size, owner and mode, qcow2 compat 1.1, nothing written yet (allocation under 1 MiB).
/// </summary>
internal static class BlankOsd
{
    public const string Compat = "1.1";
    public const long MaxAllocation = (1L << 20) - 1;

    public static VolumeSpec Spec(OsdDiskRule rule, string path) => new(path, rule.SizeBytes, rule.Format, rule.Owner, rule.Group, rule.Mode, Compat);

    public static string Expected(OsdDiskRule rule) =>
        $"{rule.Format}{(rule.Format == "qcow2" ? " compat " + Compat : "")}, {ByteSize.Format(rule.SizeBytes)} virtual, under 1 MiB allocated";

    public static bool IsBlank(OsdDiskRule rule, StorageVolume volume) =>
        volume.Format == rule.Format && (rule.Format != "qcow2" || volume.Compat == Compat)
        && volume.CapacityBytes == rule.SizeBytes && volume.AllocationBytes <= MaxAllocation;

    public static string ExpectedOwner(OsdDiskRule rule) => $"{rule.Owner}:{rule.Group} mode {Convert.ToString(rule.Mode, 8)}";

    public static bool IsOwned(OsdDiskRule rule, StorageVolume volume) =>
        Names(rule.Owner, volume.Owner.User, volume.Owner.Uid) && Names(rule.Group, volume.Owner.Group, volume.Owner.Gid) && volume.Mode == rule.Mode;

    public static bool IsWiped(OsdDiskRule rule, StorageVolume volume) => IsBlank(rule, volume) && IsOwned(rule, volume);

    public static string Describe(StorageVolume volume) =>
        $"{volume.Format}{(volume.Compat is { } compat ? " compat " + compat : "")}, {ByteSize.Format(volume.CapacityBytes)} virtual, " +
        $"{ByteSize.Format(volume.AllocationBytes)} allocated";

    public static string DescribeOwner(StorageVolume volume) =>
        $"{volume.Owner.User ?? Id(volume.Owner.Uid)}:{volume.Owner.Group ?? Id(volume.Owner.Gid)} mode {Convert.ToString(volume.Mode, 8)}";

    /// <summary>What "unchanged" compares for an OS disk.</summary>
    public static string Fingerprint(StorageVolume volume) =>
        $"{volume.CapacityBytes} bytes virtual, {volume.AllocationBytes} allocated, {Id(volume.Owner.Uid)}:{Id(volume.Owner.Gid)} mode {Convert.ToString(volume.Mode, 8)}";

    private static bool Names(string wanted, string? name, int id) => wanted == name || wanted == Id(id);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
