using Microsoft.Extensions.Time.Testing;
using Slate.Lab.Cloud;
using Slate.Lab.Faults;
using Slate.Runbook.Ports;

namespace Slate.Lab.Tests.Faults;

/// <summary>
/// decompose-deletes-domain: what MAAS's virsh driver code does on decompose (virsh destroy + undefine
/// --remove-all-storage, reference §3.6), instead of what the runbook observed (the domain survives, shut off).
/// </summary>
public sealed class DecomposeFaultTests
{
    private readonly FakeTimeProvider _time = LabHarness.NewClock();

    [Fact]
    public async Task A_released_host_named_by_the_fault_loses_its_domain_and_disks_and_the_others_keep_theirs()
    {
        var cloud = new LabCloud(LabHarness.LoadSite(), _time) { Faults = LabFaults.Parse(["decompose-deletes-domain=openstack1"]) };
        var vdb = cloud.Site.Osd.FileFor(cloud.Site.Host("openstack1"), cloud.Site.Libvirt.ImagesDir);

        cloud.Machines.ReleaseAll([cloud.Machines.FindByHostname("openstack1")!.SystemId, cloud.Machines.FindByHostname("openstack0")!.SystemId], erase: false);
        _time.Advance(cloud.Timings.Releasing);

        Assert.Null(cloud.Machines.FindByHostname("openstack1"));
        Assert.False(cloud.Hypervisor.HasDomain("openstack1"));
        Assert.Null(await cloud.Hypervisor.FindVolumeAsync(vdb, CancellationToken.None));
        Assert.Equal(DomainState.ShutOff, cloud.Hypervisor.StateOf("openstack0"));
        Assert.Contains(cloud.Events, e => e.Source == LabFaults.EventSource && e.Message.Contains("undefined domain openstack1", StringComparison.Ordinal));
    }

    /// <summary>decompose-fails: the rack cannot reach the hypervisor, MAAS deletes the machine row anyway, the VM stays as it was.</summary>
    [Fact]
    public async Task A_host_whose_decompose_fails_leaves_maas_while_its_domain_stays_running_with_its_disks()
    {
        var cloud = new LabCloud(LabHarness.LoadSite(), _time) { Faults = LabFaults.Parse(["decompose-fails=openstack1"]) };
        var vdb = cloud.Site.Osd.FileFor(cloud.Site.Host("openstack1"), cloud.Site.Libvirt.ImagesDir);

        cloud.Machines.ReleaseAll([cloud.Machines.FindByHostname("openstack1")!.SystemId, cloud.Machines.FindByHostname("openstack0")!.SystemId], erase: false);
        _time.Advance(cloud.Timings.Releasing);

        Assert.Null(cloud.Machines.FindByHostname("openstack1"));
        Assert.Equal(DomainState.Running, cloud.Hypervisor.StateOf("openstack1"));
        Assert.NotNull(await cloud.Hypervisor.FindVolumeAsync(vdb, CancellationToken.None));
        Assert.Equal(DomainState.ShutOff, cloud.Hypervisor.StateOf("openstack0"));
        Assert.Contains(cloud.Events, e => e.Source == LabFaults.EventSource && e.Message.EndsWith("the decompose of VM openstack1 failed (the rack cannot reach the hypervisor): the domain stays running, with its disks", StringComparison.Ordinal));
    }

    [Fact]
    public void A_deleted_pod_machine_whose_decompose_fails_keeps_its_domain()
    {
        var cloud = new LabCloud(LabHarness.LoadSite(), _time) { Faults = LabFaults.Parse(["decompose-fails=openstack2"]) };

        cloud.Machines.Delete(cloud.Machines.FindByHostname("openstack2")!.SystemId);
        cloud.Machines.Delete(cloud.Machines.FindByHostname("openstack3")!.SystemId);
        _time.Advance(cloud.Timings.Decomposing);

        Assert.Null(cloud.Machines.FindByHostname("openstack2"));
        Assert.True(cloud.Hypervisor.HasDomain("openstack2"));
        Assert.False(cloud.Hypervisor.HasDomain("openstack3"));
    }

    [Fact]
    public void The_teardown_faults_parse_add_up_and_print_back()
    {
        var faults = LabFaults.Parse(["decompose-fails=openstack1", "leftover-devices=openstack2", "decompose-fails=openstack3"]);

        Assert.True(faults.DecomposeFails.SetEquals(["openstack1", "openstack3"]));
        Assert.True(faults.LeftoverDevices.SetEquals(["openstack2"]));
        Assert.False(LabFaults.Parse(["leftover-devices=openstack2"]).IsEmpty);
        Assert.False(LabFaults.Parse(["decompose-fails=openstack2"]).IsEmpty);
        Assert.Equal("decompose-fails=openstack1,openstack3 leftover-devices=openstack2", faults.ToString());
    }

    [Fact]
    public void The_fault_parses_adds_up_and_prints_back()
    {
        var faults = LabFaults.Parse(["decompose-deletes-domain=openstack1", "decompose-deletes-domain=openstack2,openstack3"]);

        Assert.True(faults.DecomposeDeletesDomain.SetEquals(["openstack1", "openstack2", "openstack3"]));
        Assert.False(faults.IsEmpty);
        Assert.Equal("decompose-deletes-domain=openstack1,openstack2,openstack3", faults.ToString());
    }
}
