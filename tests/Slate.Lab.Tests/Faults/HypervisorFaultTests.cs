using Slate.Lab.Cloud;
using Slate.Lab.Faults;
using Slate.Runbook.Ports;

namespace Slate.Lab.Tests.Faults;

/// <summary>hypervisor-drop=RATE: a hypervisor write not carried out, the connection dropped during it.</summary>
public sealed class HypervisorFaultTests
{
    private static LabCloud Lab(params string[] faults) =>
        new(LabHarness.LoadSite(), LabHarness.NewClock()) { Faults = LabFaults.Parse(faults) };

    [Fact]
    public async Task A_dropped_write_is_not_carried_out_and_the_caller_cannot_tell_it_from_a_lost_answer()
    {
        var cloud = Lab("hypervisor-drop=1", "seed=3");

        var drop = await Assert.ThrowsAsync<HypervisorException>(() => cloud.Hypervisor.DestroyNetworkAsync("8_lbaas", CancellationToken.None));

        Assert.Equal(HypervisorFailure.Other, drop.Failure);
        Assert.Equal("net-destroy: the connection to libvirtd dropped during the call (lab fault injection)", drop.Message);
        Assert.True((await cloud.Hypervisor.FindNetworkAsync("8_lbaas", CancellationToken.None))!.Active);
        Assert.Contains(cloud.Events, e => e.Source == LabFaults.EventSource && e.Message == "hypervisor net-destroy: the connection dropped, not carried out");
    }

    [Fact]
    public async Task Reads_are_never_dropped_and_without_the_fault_writes_are_carried_out()
    {
        var sick = Lab("hypervisor-drop=1");
        var healthy = Lab("hypervisor-drop=0");

        Assert.NotNull(await sick.Hypervisor.FindNetworkAsync("8_lbaas", CancellationToken.None));
        await healthy.Hypervisor.DestroyNetworkAsync("8_lbaas", CancellationToken.None);
        Assert.False((await healthy.Hypervisor.FindNetworkAsync("8_lbaas", CancellationToken.None))!.Active);
    }

    [Fact]
    public void The_hypervisor_fault_parses_and_prints_back()
    {
        var faults = LabFaults.Parse(["hypervisor-drop=0.05", "juju-error=0.1"]);

        Assert.Equal(0.05, faults.HypervisorDrop);
        Assert.Equal("juju-error=0.1 hypervisor-drop=0.05", faults.ToString());
        Assert.False(LabFaults.Parse(["hypervisor-drop=0.5"]).IsEmpty);
    }
}
