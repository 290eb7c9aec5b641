using Slate.Lab.Hypervisor;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Libvirt.Tests.Lab;

/// <summary>The lab twin starts at the runbook's Step 1 baseline for the site.</summary>
public sealed class LabSeedTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly Site site = SiteFiles.Caracal();

    [Fact]
    public async Task Every_host_is_a_running_domain()
    {
        var lab = LabHypervisor.FromSite(site);

        var domains = await lab.ListDomainsAsync(Ct);

        Assert.Equal(site.Hosts.Select(h => new HypervisorDomain(h.Name, DomainState.Running)), domains);
    }

    [Fact]
    public async Task Each_domain_has_its_os_disk_and_osd_disk()
    {
        var lab = LabHypervisor.FromSite(site);

        var devices = await lab.GetDomainDevicesAsync("openstack2", Ct);

        Assert.Equal(
            [new DomainDisk("vda", "disk", "/var/lib/libvirt/images/openstack2.qcow2", "qcow2"),
             new DomainDisk("vdb", "disk", "/var/lib/libvirt/images/openstack2-1.qcow2", "qcow2")],
            devices.Disks);
    }

    [Fact]
    public async Task The_osd_volume_is_libvirt_qemu_kvm_0644_and_full_before_the_wipe()
    {
        var lab = LabHypervisor.FromSite(site);

        var vdb = await lab.FindVolumeAsync("/var/lib/libvirt/images/openstack0-1.qcow2", Ct);

        Assert.NotNull(vdb);
        Assert.Equal(new VolumeOwner(64055, "libvirt-qemu", 994, "kvm"), vdb.Owner);
        Assert.Equal(Convert.ToInt32("644", 8), vdb.Mode);
        Assert.Equal(512L << 30, vdb.CapacityBytes);
        Assert.True(vdb.AllocationBytes > 1L << 30, $"allocation {vdb.AllocationBytes}");
    }

    [Fact]
    public void Nics_follow_the_physical_interfaces_then_the_stale_network()
    {
        var lab = LabHypervisor.FromSite(site);

        var nics = lab.NicsOf("openstack1");

        Assert.Equal(
            [new LabNic("52:54:00:0c:04:0b", "provider-public", 1),
             new LabNic("52:54:00:11:00:0b", "metal-admin", 7),
             new LabNic("52:54:00:12:00:0b", "data-tenant", 8),
             new LabNic("52:54:00:13:00:0b", "storage", 9),
             new LabNic("52:54:00:14:00:0b", "replication", 10),
             new LabNic("52:54:00:15:00:0b", "8_lbaas", 11)],
            nics);
        Assert.Equal(["enp1s0", "enp7s0", "enp8s0", "enp9s0", "enp10s0", "enp11s0"], nics.Select(n => n.KernelName));
    }

    [Fact]
    public void Macs_are_unique_across_hosts_and_derived_when_no_provider_mac_is_given()
    {
        var hosts = site.Hosts.Select(h => h with { ProviderMac = null }).ToList();
        var lab = LabHypervisor.FromSite(site with { Hosts = hosts });

        var macs = hosts.SelectMany(h => lab.NicsOf(h.Name)).Select(n => n.Mac).ToList();

        Assert.Equal("52:54:00:10:00:0a", lab.NicsOf("openstack0")[0].Mac);
        Assert.Equal(macs.Count, macs.Distinct().Count());
    }

    [Fact]
    public async Task The_stale_network_exists_active_on_its_bridge()
    {
        var lab = LabHypervisor.FromSite(site);

        var network = await lab.FindNetworkAsync("8_lbaas", Ct);

        Assert.Equal(("8_lbaas", true, "virbr6"), (network?.Name, network?.Active, network?.Bridge));
    }

    [Fact]
    public async Task Power_state_changes_show_in_the_listing()
    {
        var lab = LabHypervisor.FromSite(site);

        lab.SetState("openstack3", DomainState.ShutOff);

        Assert.Equal(DomainState.ShutOff, lab.StateOf("openstack3"));
        Assert.Equal(DomainState.ShutOff, (await lab.ListDomainsAsync(Ct)).Single(d => d.Name == "openstack3").State);
        Assert.Equal(DomainState.Running, lab.StateOf("openstack0"));
        Assert.Equal(HypervisorFailure.NoDomain, Assert.Throws<HypervisorException>(() => lab.SetState("capi-mgmt", DomainState.Running)).Failure);
    }

    [Fact]
    public async Task Concurrent_detaches_each_remove_exactly_their_nic()
    {
        var lab = LabHypervisor.FromSite(site);
        var stale = site.Hosts.Select(h => (h.Name, lab.NicsOf(h.Name).Single(n => n.Network == "8_lbaas").Mac)).ToList();

        await Task.WhenAll(stale.Select(s => Task.Run(() => lab.DetachInterfaceAsync(s.Name, s.Mac, Ct))));

        Assert.All(site.Hosts, h => Assert.Equal(5, lab.NicsOf(h.Name).Count));
    }
}
