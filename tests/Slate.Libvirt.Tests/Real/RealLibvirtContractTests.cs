using Slate.Libvirt.Tests.Contract;
using Slate.Runbook.Ports;

namespace Slate.Libvirt.Tests.Real;

public sealed class RealLibvirtContractTests() : HypervisorContract(new RealLibvirtWorld())
{
    [Fact]
    public async Task The_recreated_file_on_disk_is_root_root_0600_and_sparse()
    {
        var path = World.OsdDisk(World.Domains[1]);
        await Hypervisor.DeleteVolumeAsync(path, Ct);

        await Hypervisor.CreateVolumeAsync(new VolumeSpec(path, 512L << 30, "qcow2", "root", "root", Convert.ToInt32("600", 8)), Ct);

        var (_, stat, _) = Virsh.RunProcess("stat", "-c", "%u:%g:%a:%b:%B", path);
        var fields = stat.Trim().Split(':');
        Assert.Equal(["0", "0", "600"], fields[..3]);
        Assert.InRange(long.Parse(fields[3]) * long.Parse(fields[4]), 1, (1L << 20) - 1);
        var (_, info, _) = Virsh.RunProcess("qemu-img", "info", "-U", path);
        Assert.Contains("virtual size: 512 GiB", info, StringComparison.Ordinal);
        Assert.Contains("compat: 1.1", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_changed_outside_libvirt_are_seen_as_they_are_now()
    {
        var removed = World.OsdDisk(World.Domains[0]);
        var added = Path.Combine(World.ImagesDir, "made-by-qemu-img.qcow2");

        File.Delete(removed);
        var (code, _, stderr) = Virsh.RunProcess("qemu-img", "create", "-q", "-f", "qcow2", added, "2G");

        Assert.True(code == 0, stderr);
        Assert.Null(await Hypervisor.FindVolumeAsync(removed, Ct));
        Assert.Equal(2L << 30, (await Hypervisor.FindVolumeAsync(added, Ct))?.CapacityBytes);
    }

    [Fact]
    public async Task Creating_over_a_file_made_outside_libvirt_fails_and_keeps_the_file()
    {
        var path = Path.Combine(World.ImagesDir, "made-by-hand.qcow2");
        var (code, _, stderr) = Virsh.RunProcess("qemu-img", "create", "-q", "-f", "qcow2", path, "2G");
        Assert.True(code == 0, stderr);

        var error = await Assert.ThrowsAsync<HypervisorException>(() =>
            Hypervisor.CreateVolumeAsync(new VolumeSpec(path, 512L << 30, "qcow2", "root", "root", Convert.ToInt32("600", 8)), Ct));

        Assert.Equal(HypervisorFailure.Other, error.Failure);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        var (_, info, _) = Virsh.RunProcess("qemu-img", "info", "-U", path);
        Assert.Contains("virtual size: 2 GiB", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Volume_reads_running_alongside_creations_in_the_same_pool_succeed()
    {
        var os = World.OsDisk(World.Domains[0]);
        var specs = Enumerable.Range(0, 4).Select(i =>
            new VolumeSpec(Path.Combine(World.ImagesDir, $"concurrent-{i}.qcow2"), 512L << 30, "qcow2", "root", "root", 384)).ToList();

        var creations = specs.Select(s => Hypervisor.CreateVolumeAsync(s, Ct)).ToList();
        var reads = Enumerable.Range(0, 16).Select(_ => Hypervisor.FindVolumeAsync(os, Ct)).ToList();
        await Task.WhenAll(creations.Cast<Task>().Concat(reads));

        Assert.All(reads, r => Assert.NotNull(r.Result));
        Assert.Equal(specs.Select(s => s.Path), creations.Select(c => c.Result.Path));
    }
}
