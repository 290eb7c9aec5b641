using System.Security.Cryptography;
using Slate.Runbook.Ports;

namespace Slate.Libvirt.Tests.Real;

/// <summary>The adapter's define/start/remove of whole objects (a rehearsal's world) on real libvirtd, checked with virsh.</summary>
public sealed class WorldDefinitionTests : IDisposable
{
    private readonly string suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private readonly LibvirtHypervisor hypervisor = WorldParts.Connect();
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("slate-world-def-");

    private string Name(string part) => $"slate-def-{suffix}-{part}";

    public void Dispose()
    {
        Virsh.Run($"net-destroy {Name("a")}; net-undefine {Name("a")}; net-destroy {Name("b")}; net-undefine {Name("b")}; " +
                  $"pool-destroy {Name("p")}; pool-undefine {Name("p")}; undefine {Name("d")}");
        hypervisor.Dispose();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_network_that_cannot_start_is_undefined_again_and_the_first_one_is_untouched()
    {
        var bridge = $"sd{suffix}";
        await hypervisor.StartNetworkAsync(Name("a"), LibvirtDefinitions.Network(Name("a"), bridge).ToString(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<HypervisorException>(() =>
            hypervisor.StartNetworkAsync(Name("b"), LibvirtDefinitions.Network(Name("b"), bridge).ToString(), CancellationToken.None));

        Assert.Contains($"network '{Name("b")}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Name("b"), Virsh.Must("net-list --all --name"), StringComparison.Ordinal);
        Assert.Equal(("yes", bridge), (NetInfo(Name("a"), "Active:"), NetInfo(Name("a"), "Bridge:")));
        await hypervisor.RemoveNetworkAsync(Name("a"), CancellationToken.None);
        Assert.DoesNotContain(Name("a"), Virsh.Must("net-list --all --name"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pool_and_a_domain_are_defined_found_and_removed_leaving_the_files()
    {
        var disk = Path.Combine(folder.FullName, "d.qcow2");
        Assert.False(await hypervisor.HasPoolAsync(Name("p"), CancellationToken.None));
        await hypervisor.StartPoolAsync(Name("p"), LibvirtDefinitions.DirectoryPool(Name("p"), folder.FullName).ToString(), CancellationToken.None);
        await hypervisor.CreateVolumeAsync(new VolumeSpec(disk, 1L << 30, "qcow2", "root", "root", Convert.ToInt32("600", 8)), CancellationToken.None);
        await hypervisor.DefineDomainAsync(Name("d"), LibvirtDefinitions.Domain(Name("d"), LibvirtDefinitions.Disk(disk, "vda")).ToString(), CancellationToken.None);

        Assert.True(await hypervisor.HasPoolAsync(Name("p"), CancellationToken.None));
        Assert.True(await hypervisor.HasDomainAsync(Name("d"), CancellationToken.None));
        Assert.Equal("shut off", Virsh.Must($"domstate {Name("d")}").Trim());

        await hypervisor.RemoveDomainAsync(Name("d"), CancellationToken.None);
        await hypervisor.RemovePoolAsync(Name("p"), CancellationToken.None);

        Assert.False(await hypervisor.HasDomainAsync(Name("d"), CancellationToken.None));
        Assert.False(await hypervisor.HasPoolAsync(Name("p"), CancellationToken.None));
        Assert.True(File.Exists(disk));
    }

    private static string NetInfo(string network, string field) =>
        Virsh.Must($"net-info {network}").Split('\n').Single(l => l.StartsWith(field, StringComparison.Ordinal))[field.Length..].Trim();
}
