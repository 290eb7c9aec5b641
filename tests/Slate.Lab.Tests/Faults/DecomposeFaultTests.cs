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

    [Fact]
    public void The_fault_parses_adds_up_and_prints_back()
    {
        var faults = LabFaults.Parse(["decompose-deletes-domain=openstack1", "decompose-deletes-domain=openstack2,openstack3"]);

        Assert.True(faults.DecomposeDeletesDomain.SetEquals(["openstack1", "openstack2", "openstack3"]));
        Assert.False(faults.IsEmpty);
        Assert.Equal("decompose-deletes-domain=openstack1,openstack2,openstack3", faults.ToString());
    }
}
