using Slate.Lab.Cloud;
using Slate.Lab.Juju;

namespace Slate.Lab.Tests;

/// <summary>The lab's own judgement of the phase's end, which the soak holds a green EXIT GATE to.</summary>
public sealed class LabTruthTests
{
    private readonly LabCloud _cloud = new(LabHarness.LoadSite(), LabHarness.NewClock());

    [Fact]
    public void The_cloud_before_the_phase_is_false_on_every_count_the_exit_gate_proves()
    {
        var falsehoods = LabTruth.PhaseEndFalsehoods(_cloud, new LabJujuController(_cloud));

        Assert.Contains("juju model openstack still exists", falsehoods);
        Assert.Contains("libvirt network 8_lbaas is still defined", falsehoods);
        Assert.Contains("openstack0: Deployed, not Ready", falsehoods);
    }

    [Fact]
    public void Two_machines_holding_one_MAC_and_a_host_missing_or_twice_in_MAAS_are_named()
    {
        var juju = new LabJujuController(_cloud);
        var machines = _cloud.Machines.ToList();
        var first = machines.Single(m => m.Hostname == "openstack0");
        var second = machines.Single(m => m.Hostname == "openstack1");
        second.Interfaces.First(i => i.Type == InterfaceType.Physical).MacAddress = first.Interfaces.First(i => i.Type == InterfaceType.Physical).MacAddress;
        machines.Single(m => m.Hostname == "openstack2").Hostname = "openstack3";
        var planed = _cloud.Site.Interfaces.First(t => t.Plane is not null);
        first.Interfaces.Single(i => i.Name == planed.Name).Links.Clear();

        var falsehoods = LabTruth.PhaseEndFalsehoods(_cloud, juju);

        Assert.Contains($"MAC {first.Interfaces.First(i => i.Type == InterfaceType.Physical).MacAddress} is on openstack0 and openstack1", falsehoods);
        Assert.Contains("openstack2: 0 machines in MAAS, not one", falsehoods);
        Assert.Contains($"openstack0: {planed.Name} has no STATIC {Slate.Runbook.Sites.Site.AddressOf(_cloud.Site.Host("openstack0"), _cloud.Site.Plane(planed.Plane!))}", falsehoods);
        Assert.Contains("openstack3: 2 machines in MAAS, not one", falsehoods);
    }
}
