using Slate.Lab.Cloud;
using Slate.Lab.Faults;

namespace Slate.Lab.Tests.Faults;

public sealed class MachineFaultTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = LabHarness.NewClock();

    [Fact]
    public void A_stuck_machine_stays_releasing_after_the_release_delay_and_the_log_says_so()
    {
        var cloud = new LabCloud(LabHarness.LoadSite(), _time) { Faults = LabFaults.Parse(["stuck=openstack2"]) };
        var stuck = cloud.Machines.FindByHostname("openstack2")!;
        var healthy = cloud.Machines.FindByHostname("openstack1")!;

        cloud.Machines.Release(stuck.SystemId);
        cloud.Machines.Release(healthy.SystemId);
        _time.Advance(cloud.Timings.Releasing * 10);

        Assert.Equal(NodeStatus.Releasing, cloud.Machines.Get(stuck.SystemId).Status);
        Assert.Null(cloud.Machines.FindBySystemId(healthy.SystemId)); // a dynamic pod machine: a completed release removes it
        Assert.Single(cloud.Events, e => e is { Source: "fault" } &&
            e.Message == $"openstack2 ({stuck.SystemId}) is stuck in Releasing: its transition never completes");
    }

    [Fact]
    public void Fail_commissioning_ends_in_failed_commissioning_and_only_for_that_machine()
    {
        var cloud = new LabCloud(LabHarness.LoadSite(), _time) { Faults = LabFaults.Parse(["fail-commissioning=flaky"]) };
        var flaky = cloud.Machines.Create(Spec("flaky", "52:54:00:aa:bb:01"));
        var fine = cloud.Machines.Create(Spec("fine", "52:54:00:aa:bb:02"));

        _time.Advance(cloud.Timings.Commissioning + cloud.Timings.Testing);

        var failed = cloud.Machines.Get(flaky.SystemId);
        Assert.Equal(NodeStatus.FailedCommissioning, failed.Status);
        Assert.Equal("Failed commissioning", failed.StatusMessage);
        Assert.Empty(failed.Interfaces.SelectMany(i => i.Links));
        Assert.Equal(NodeStatus.Ready, cloud.Machines.Get(fine.SystemId).Status);
        Assert.Contains(cloud.Events, e => e is { Source: "fault" } && e.Message == $"commissioning of flaky ({flaky.SystemId}) failed");
        Assert.Equal(NodeStatus.Commissioning, cloud.Machines.Commission(flaky.SystemId).Status);
    }

    /// <summary>
    /// metadataserver/api.py (3.7) _process_testing: testing follows a commissioning that succeeded, and a test script's
    /// FAILED signal makes the machine Failed testing — the commissioned NIC names and links stand, and it can commission again.
    /// </summary>
    [Fact]
    public void Fail_testing_passes_commissioning_and_ends_in_failed_testing_only_for_that_machine()
    {
        var cloud = new LabCloud(LabHarness.LoadSite(), _time) { Faults = LabFaults.Parse(["fail-testing=flaky"]) };
        var flaky = cloud.Machines.Create(Spec("flaky", "52:54:00:aa:bb:03"));
        var fine = cloud.Machines.Create(Spec("fine", "52:54:00:aa:bb:04"));

        _time.Advance(cloud.Timings.Commissioning);
        Assert.Equal(NodeStatus.Testing, cloud.Machines.Get(flaky.SystemId).Status);
        _time.Advance(cloud.Timings.Testing);

        var failed = cloud.Machines.Get(flaky.SystemId);
        Assert.Equal((NodeStatus.FailedTesting, "Failed testing"), (failed.Status, failed.StatusMessage));
        Assert.True(failed.Commissioned);
        Assert.Equal(NodeStatus.Ready, cloud.Machines.Get(fine.SystemId).Status);
        Assert.Contains(cloud.Events, e => e is { Source: "fault" } && e.Message == $"testing of flaky ({flaky.SystemId}) failed");
        Assert.Equal(NodeStatus.Commissioning, cloud.Machines.Commission(flaky.SystemId).Status);
    }

    private static MachineSpec Spec(string hostname, string mac) =>
        new(hostname, "amd64/generic", [mac], "manual", new Dictionary<string, string>(), Commission: true);
}
