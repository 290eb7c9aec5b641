using Slate.Runbook.Ports;

namespace Slate.Libvirt.Tests.Contract;

/// <summary>What every IHypervisor must do; run against real libvirtd and against the lab twin.</summary>
public abstract class HypervisorContract(IHypervisorWorld world) : IDisposable
{
    private const long GiB = 1L << 30;

    protected IHypervisorWorld World { get; } = world;

    protected IHypervisor Hypervisor => World.Hypervisor;

    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(60));

    protected CancellationToken Ct => timeout.Token;

    public void Dispose()
    {
        timeout.Dispose();
        World.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Lists_every_domain_with_its_state()
    {
        var domains = await Hypervisor.ListDomainsAsync(Ct);

        foreach (var name in World.Domains)
            Assert.Equal(DomainState.ShutOff, Assert.Single(domains, d => d.Name == name).State);
    }

    [Fact]
    public async Task Reads_disks_from_the_persistent_definition()
    {
        var domain = World.Domains[0];

        var devices = await Hypervisor.GetDomainDevicesAsync(domain, Ct);

        Assert.Equal(new DomainDisk("vda", "disk", World.OsDisk(domain), "qcow2"), devices.Disk("vda"));
        Assert.Equal(new DomainDisk("vdb", "disk", World.OsdDisk(domain), "qcow2"), devices.Disk("vdb"));
    }

    [Fact]
    public async Task Reads_the_nic_on_the_network()
    {
        var domain = World.Domains[0];

        var devices = await Hypervisor.GetDomainDevicesAsync(domain, Ct);

        var nic = devices.Interface(World.NetworkMac(domain));
        Assert.NotNull(nic);
        Assert.Equal(("network", World.Network, "virtio"), (nic.Type, nic.Network, nic.Model));
        Assert.True(devices.Interfaces.Count >= 2, "each world domain has another NIC besides the one on the network");
    }

    [Fact]
    public async Task Detaching_by_mac_removes_only_that_nic_from_the_persistent_definition()
    {
        var (domain, other) = (World.Domains[0], World.Domains[1]);
        var before = await Hypervisor.GetDomainDevicesAsync(domain, Ct);

        await Hypervisor.DetachInterfaceAsync(domain, World.NetworkMac(domain).ToUpperInvariant(), Ct);

        var after = await Hypervisor.GetDomainDevicesAsync(domain, Ct);
        Assert.Null(after.Interface(World.NetworkMac(domain)));
        Assert.DoesNotContain(after.Interfaces, i => i.Network == World.Network);
        Assert.Equal(before.Interfaces.Count - 1, after.Interfaces.Count);
        Assert.NotNull((await Hypervisor.GetDomainDevicesAsync(other, Ct)).Interface(World.NetworkMac(other)));
    }

    [Fact]
    public async Task Detaching_a_missing_mac_is_NoInterface_and_changes_nothing()
    {
        var domain = World.Domains[0];
        var before = await Hypervisor.GetDomainDevicesAsync(domain, Ct);

        var error = await Assert.ThrowsAsync<HypervisorException>(() => Hypervisor.DetachInterfaceAsync(domain, "52:54:00:ee:ee:ee", Ct));

        Assert.Equal(HypervisorFailure.NoInterface, error.Failure);
        Assert.Contains("52:54:00:ee:ee:ee", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.Interfaces, (await Hypervisor.GetDomainDevicesAsync(domain, Ct)).Interfaces);
    }

    [Fact]
    public async Task An_unknown_domain_is_NoDomain()
    {
        var read = await Assert.ThrowsAsync<HypervisorException>(() => Hypervisor.GetDomainDevicesAsync("slate-no-such-domain", Ct));
        var detach = await Assert.ThrowsAsync<HypervisorException>(() => Hypervisor.DetachInterfaceAsync("slate-no-such-domain", "52:54:00:00:00:01", Ct));

        Assert.Equal(HypervisorFailure.NoDomain, read.Failure);
        Assert.Equal(HypervisorFailure.NoDomain, detach.Failure);
        Assert.Contains("slate-no-such-domain", read.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_persistent_definition_is_a_restorable_document_that_follows_a_detach()
    {
        var domain = World.Domains[0];
        var mac = World.NetworkMac(domain);

        var before = System.Xml.Linq.XDocument.Parse(await Hypervisor.GetDomainXmlAsync(domain, Ct));
        await Hypervisor.DetachInterfaceAsync(domain, mac, Ct);
        var after = await Hypervisor.GetDomainXmlAsync(domain, Ct);

        Assert.Equal(domain, before.Root?.Element("name")?.Value);
        Assert.Contains(before.Descendants("mac"), m => (string?)m.Attribute("address") == mac);
        Assert.Contains(before.Descendants("source"), s => (string?)s.Attribute("file") == World.OsdDisk(domain));
        Assert.DoesNotContain(mac, after, StringComparison.OrdinalIgnoreCase);
        var error = await Assert.ThrowsAsync<HypervisorException>(() => Hypervisor.GetDomainXmlAsync("slate-no-such-domain", Ct));
        Assert.Equal(HypervisorFailure.NoDomain, error.Failure);
    }

    [Fact]
    public async Task Paths_resolve_dot_dot_and_symbolic_links_on_the_hypervisor_host()
    {
        var link = Path.Combine(World.ImagesDir, "linked-osd.qcow2");
        World.Symlink(link, "../elsewhere/osd.qcow2");
        var outside = Path.GetFullPath(Path.Combine(World.ImagesDir, "..", "elsewhere", "osd.qcow2"));

        Assert.Equal(outside, await Hypervisor.ResolvePathAsync(link, Ct));
        Assert.Equal(outside, await Hypervisor.ResolvePathAsync(Path.Combine(World.ImagesDir, "sub", "..", "linked-osd.qcow2"), Ct));
        Assert.Equal(World.OsdDisk(World.Domains[0]), await Hypervisor.ResolvePathAsync(World.OsdDisk(World.Domains[0]), Ct));
        Assert.Equal(Path.Combine(World.ImagesDir, "not-there.qcow2"),
            await Hypervisor.ResolvePathAsync(Path.Combine(World.ImagesDir, ".", "not-there.qcow2"), Ct));
    }

    [Fact]
    public async Task Finds_the_active_network_with_its_bridge_and_definition()
    {
        var network = await Hypervisor.FindNetworkAsync(World.Network, Ct);

        Assert.NotNull(network);
        Assert.True(network.Active);
        Assert.Equal(World.Bridge, network.Bridge);
        Assert.Contains($"<name>{World.Network}</name>", network.Xml, StringComparison.Ordinal);
        Assert.Contains($"name=\"{World.Bridge}\"", network.Xml.Replace('\'', '"'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Destroy_then_undefine_removes_the_network()
    {
        await Hypervisor.DestroyNetworkAsync(World.Network, Ct);
        var stopped = await Hypervisor.FindNetworkAsync(World.Network, Ct);
        await Hypervisor.UndefineNetworkAsync(World.Network, Ct);

        Assert.False(Assert.IsType<HypervisorNetwork>(stopped).Active);
        Assert.Null(await Hypervisor.FindNetworkAsync(World.Network, Ct));
        var again = await Assert.ThrowsAsync<HypervisorException>(() => Hypervisor.DestroyNetworkAsync(World.Network, Ct));
        Assert.Equal(HypervisorFailure.NoNetwork, again.Failure);
    }

    [Fact]
    public async Task Destroying_an_inactive_network_is_an_error_that_names_it()
    {
        await Hypervisor.DestroyNetworkAsync(World.Network, Ct);

        var error = await Assert.ThrowsAsync<HypervisorException>(() => Hypervisor.DestroyNetworkAsync(World.Network, Ct));

        Assert.Equal(HypervisorFailure.Other, error.Failure);
        Assert.EndsWith($"Requested operation is not valid: network '{World.Network}' is not active", error.Message, StringComparison.Ordinal);
        Assert.False((await Hypervisor.FindNetworkAsync(World.Network, Ct))?.Active);
    }

    [Fact]
    public async Task Undefining_an_active_network_keeps_it_running_until_destroyed()
    {
        await Hypervisor.UndefineNetworkAsync(World.Network, Ct);
        var transient = await Hypervisor.FindNetworkAsync(World.Network, Ct);
        await Hypervisor.DestroyNetworkAsync(World.Network, Ct);

        Assert.True(Assert.IsType<HypervisorNetwork>(transient).Active);
        Assert.Null(await Hypervisor.FindNetworkAsync(World.Network, Ct));
    }

    [Fact]
    public async Task An_unknown_network_is_not_found()
    {
        Assert.Null(await Hypervisor.FindNetworkAsync("slate-no-such-net", Ct));
        var error = await Assert.ThrowsAsync<HypervisorException>(() => Hypervisor.UndefineNetworkAsync("slate-no-such-net", Ct));
        Assert.Equal(HypervisorFailure.NoNetwork, error.Failure);
    }

    [Fact]
    public async Task Reads_the_osd_volume_baseline()
    {
        var path = World.OsdDisk(World.Domains[0]);

        var volume = await Hypervisor.FindVolumeAsync(path, Ct);

        Assert.NotNull(volume);
        Assert.Equal((path, "qcow2", Convert.ToInt32("644", 8)), (volume.Path, volume.Format, volume.Mode));
        Assert.True(volume.CapacityBytes >= volume.AllocationBytes && volume.AllocationBytes > 0, $"{volume}");
    }

    [Fact]
    public async Task Wipe_recreates_a_blank_512G_qcow2_owned_root_root_0600()
    {
        var path = World.OsdDisk(World.Domains[0]);
        var os = await Hypervisor.FindVolumeAsync(World.OsDisk(World.Domains[0]), Ct);

        await Hypervisor.DeleteVolumeAsync(path, Ct);
        var deleted = await Hypervisor.FindVolumeAsync(path, Ct);
        var created = await Hypervisor.CreateVolumeAsync(new VolumeSpec(path, 512 * GiB, "qcow2", "root", "root", Convert.ToInt32("600", 8)), Ct);
        var reread = await Hypervisor.FindVolumeAsync(path, Ct);

        Assert.Null(deleted);
        Assert.Equal(created, reread);
        Assert.Equal((512 * GiB, "qcow2", "1.1"), (created.CapacityBytes, created.Format, created.Compat));
        Assert.InRange(created.AllocationBytes, 1, (1L << 20) - 1);
        Assert.Equal(new VolumeOwner(0, "root", 0, "root"), created.Owner);
        Assert.Equal(Convert.ToInt32("600", 8), created.Mode);
        Assert.Equal(os, await Hypervisor.FindVolumeAsync(World.OsDisk(World.Domains[0]), Ct));
    }

    [Fact]
    public async Task A_missing_volume_is_not_found_and_cannot_be_deleted()
    {
        var path = Path.Combine(World.ImagesDir, "slate-no-such-volume.qcow2");

        Assert.Null(await Hypervisor.FindVolumeAsync(path, Ct));
        var error = await Assert.ThrowsAsync<HypervisorException>(() => Hypervisor.DeleteVolumeAsync(path, Ct));
        Assert.Equal(HypervisorFailure.NoVolume, error.Failure);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_outside_any_pool_is_NoPool()
    {
        var spec = new VolumeSpec($"/slate-no-such-pool-{Guid.NewGuid():N}/x.qcow2", GiB, "qcow2", "root", "root", 384);

        var error = await Assert.ThrowsAsync<HypervisorException>(() => Hypervisor.CreateVolumeAsync(spec, Ct));

        Assert.Equal(HypervisorFailure.NoPool, error.Failure);
    }

    [Fact]
    public async Task Creating_over_an_existing_volume_fails_and_keeps_it()
    {
        var path = World.OsdDisk(World.Domains[0]);
        var before = await Hypervisor.FindVolumeAsync(path, Ct);

        var error = await Assert.ThrowsAsync<HypervisorException>(() =>
            Hypervisor.CreateVolumeAsync(new VolumeSpec(path, GiB, "qcow2", "root", "root", 384), Ct));

        Assert.Equal(HypervisorFailure.Other, error.Failure);
        Assert.EndsWith($"storage volume '{Path.GetFileName(path)}' exists already", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Hypervisor.FindVolumeAsync(path, Ct));
    }

    [Fact]
    public async Task An_unknown_owner_is_a_clear_error()
    {
        var spec = new VolumeSpec(Path.Combine(World.ImagesDir, "owner-test.qcow2"), GiB, "qcow2", "slate-no-such-user", "root", 384);

        var error = await Assert.ThrowsAsync<HypervisorException>(() => Hypervisor.CreateVolumeAsync(spec, Ct));

        Assert.Contains("slate-no-such-user", error.Message, StringComparison.Ordinal);
        Assert.Null(await Hypervisor.FindVolumeAsync(spec.Path, Ct));
    }
}
