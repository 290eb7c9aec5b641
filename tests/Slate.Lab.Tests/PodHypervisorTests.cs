using Microsoft.Extensions.Time.Testing;
using Slate.Lab.Cloud;
using Slate.Runbook.Ports;

namespace Slate.Lab.Tests;

/// <summary>The lab MAAS's pod machines and the lab hypervisor's domains are one world.</summary>
public sealed class PodHypervisorTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly LabCloud _cloud;

    public PodHypervisorTests() => _cloud = new LabCloud(LabHarness.LoadSite(), _time);

    [Theory]
    [InlineData("openstack0", "enp1s0")]
    [InlineData("openstack2", "enp9s0")]
    public void A_hosts_physical_interfaces_show_the_domains_nic_macs(string host, string nic)
    {
        var machine = _cloud.Machines.FindByHostname(host)!;
        var domainMac = _cloud.Hypervisor.NicsOf(host).Single(n => n.KernelName == nic).Mac;

        Assert.Equal(domainMac, machine.Interfaces.Single(i => i.Name == nic).MacAddress);
    }

    [Fact]
    public void Deployed_hosts_run_and_a_released_host_leaves_maas_but_its_domain_stays_shut_off()
    {
        Assert.Equal(DomainState.Running, _cloud.Hypervisor.StateOf("openstack1"));
        var id = _cloud.Machines.FindByHostname("openstack1")!.SystemId;

        _cloud.Machines.Release(id);
        _time.Advance(_cloud.Timings.Releasing + TimeSpan.FromSeconds(1));

        Assert.Null(_cloud.Machines.FindByHostname("openstack1"));
        Assert.Equal(DomainState.ShutOff, _cloud.Hypervisor.StateOf("openstack1"));
        Assert.Equal(DomainState.Running, _cloud.Hypervisor.StateOf("openstack0"));
    }

    [Fact]
    public void Powering_a_pod_machine_off_and_on_drives_its_domain()
    {
        var id = _cloud.Machines.FindByHostname("openstack3")!.SystemId;

        _cloud.Machines.PowerOff(id);
        Assert.Equal(DomainState.ShutOff, _cloud.Hypervisor.StateOf("openstack3"));

        _cloud.Machines.PowerOn(id);
        Assert.Equal(DomainState.Running, _cloud.Hypervisor.StateOf("openstack3"));
    }

    [Fact]
    public async Task Deleting_a_pod_machine_destroys_its_domain_and_disks_as_maas_decomposes_it()
    {
        var id = _cloud.Machines.FindByHostname("openstack2")!.SystemId;
        var vdb = _cloud.Site.Osd.FileFor(_cloud.Site.Host("openstack2"), _cloud.Site.Libvirt.ImagesDir);

        _cloud.Machines.Delete(id);
        Assert.NotNull(_cloud.Machines.FindBySystemId(id)); // listed until the decompose finishes
        Assert.True(_cloud.Hypervisor.HasDomain("openstack2"));
        _time.Advance(_cloud.Timings.Decomposing);

        Assert.Null(_cloud.Machines.FindBySystemId(id));
        Assert.False(_cloud.Hypervisor.HasDomain("openstack2"));
        Assert.Null(await _cloud.Hypervisor.FindVolumeAsync(vdb, CancellationToken.None));
        Assert.True(_cloud.Hypervisor.HasDomain("openstack1"));
        Assert.Contains(_cloud.Events, e => e.Message.Contains("decomposed VM openstack2", StringComparison.Ordinal));
    }
}
