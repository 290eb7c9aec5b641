using Slate.Runbook.Carve;
using Slate.Runbook.Core;
using Slate.Runbook.OsdWipe;
using Slate.Runbook.Reenroll;
using Slate.Runbook.StaleNetworks;
using Slate.Runbook.Teardown;

namespace Slate.Runbook.Tests.Core;

/// <summary>Every step's typed actions and their plain form (what the journal, the fingerprint and saved plans hold), both ways.</summary>
public sealed class StepActionTests
{
    /// <summary>Each action of each step as "kind subject key=value …": the journal's words, which older journals hold too.</summary>
    public static TheoryData<string, string> PlainForms => new()
    {
        { Plain<StaleNetworksAction>(new StaleNetworksAction.BackupNetwork("8_lbaas")), "backup-network 8_lbaas network=8_lbaas" },
        { Plain<StaleNetworksAction>(new StaleNetworksAction.BackupDomain("openstack0")), "backup-domain openstack0 domain=openstack0" },
        { Plain<StaleNetworksAction>(new StaleNetworksAction.DetachNic("openstack0", "52:54:00:00:00:0a", "8_lbaas")),
            "detach-nic openstack0 52:54:00:00:00:0a domain=openstack0 mac=52:54:00:00:00:0a network=8_lbaas" },
        { Plain<StaleNetworksAction>(new StaleNetworksAction.DestroyNetwork("8_lbaas")), "destroy-network 8_lbaas network=8_lbaas" },
        { Plain<StaleNetworksAction>(new StaleNetworksAction.UndefineNetwork("8_lbaas")), "undefine-network 8_lbaas network=8_lbaas" },
        { Plain<OsdWipeAction>(new OsdWipeAction.Wipe("openstack0", "/images/openstack0-1.qcow2", true)), "wipe-osd openstack0 exists=yes host=openstack0 path=/images/openstack0-1.qcow2" },
        { Plain<OsdWipeAction>(new OsdWipeAction.Wipe("openstack0", "/images/openstack0-1.qcow2", false)), "wipe-osd openstack0 exists=no host=openstack0 path=/images/openstack0-1.qcow2" },
        { Plain<ReenrollAction>(new ReenrollAction.Enlist("openstack0", "52:54:00:00:00:01", "amd64/generic", "virsh", "qemu+ssh://u@h/system", "openstack0")),
            "enlist-machine openstack0 architecture=amd64/generic host=openstack0 mac=52:54:00:00:00:01 power_address=qemu+ssh://u@h/system power_id=openstack0 power_type=virsh" },
        { Plain<ReenrollAction>(new ReenrollAction.Repower("openstack0", "abc123", "qemu+ssh://u@h/system", "openstack0")),
            "repower-machine openstack0 host=openstack0 power_address=qemu+ssh://u@h/system power_id=openstack0 system_id=abc123" },
        { Plain<ReenrollAction>(new ReenrollAction.AwaitReady([("openstack0", "m0"), ("openstack1", "m1")])), "await-ready openstack0, openstack1 hosts=openstack0=m0,openstack1=m1" },
        { Plain<TeardownAction>(new TeardownAction.CaptureModel("openstack")), "capture-model openstack model=openstack" },
        { Plain<TeardownAction>(new TeardownAction.DestroyModel("openstack", true, [("openstack0", "abc"), ("openstack1", "def")])),
            "destroy-model openstack hosts=openstack0=abc,openstack1=def model=openstack storage=destroy" },
        { Plain<TeardownAction>(new TeardownAction.DestroyModel("openstack", false, [])), "destroy-model openstack hosts= model=openstack storage=release" },
        { Plain<TeardownAction>(new TeardownAction.RemoveMachine("openstack", "0", "openstack0", "abc", true)),
            "remove-machine openstack0 force=true host=openstack0 machine=0 model=openstack system_id=abc" },
        { Plain<TeardownAction>(new TeardownAction.ForceRemoveMachine("openstack", "3")), "force-remove-machine machine 3 machine=3 model=openstack" },
        { Plain<TeardownAction>(new TeardownAction.DeleteMachine("juju-1", "xyz", "Ready")), "delete-machine juju-1 host=juju-1 status=Ready system_id=xyz" },
        { Plain<CarveAction>(new CarveAction.DeleteInterface("h0", "abc", "br-old", 7, "br-old.104")),
            "delete-interface h0 br-old cascade=br-old.104 host=h0 interface=br-old interface_id=7 system_id=abc" },
        { Plain<CarveAction>(new CarveAction.SetVlan("h0", "abc", "enp1s0", 1, 5001)), "set-vlan h0 enp1s0 host=h0 interface=enp1s0 interface_id=1 system_id=abc vlan_id=5001" },
        { Plain<CarveAction>(new CarveAction.SetBridgeType("h0", "abc", "br-ex", 9, "ovs")), "set-bridge-type h0 br-ex bridge_type=ovs host=h0 interface=br-ex interface_id=9 system_id=abc" },
        { Plain<CarveAction>(new CarveAction.CreateBridge("h0", "abc", "br-ex", "enp1s0", "ovs")), "create-bridge h0 br-ex bridge_type=ovs host=h0 interface=br-ex parent=enp1s0 system_id=abc" },
        { Plain<CarveAction>(new CarveAction.CreateVlan("h0", "abc", "br-metal.103", "br-metal", 5003)),
            "create-vlan h0 br-metal.103 host=h0 interface=br-metal.103 parent=br-metal system_id=abc vlan_id=5003" },
        { Plain<CarveAction>(new CarveAction.Unlink("h0", "abc", "enp8s0", 3, 22)), "unlink h0 enp8s0 host=h0 interface=enp8s0 interface_id=3 link_id=22 system_id=abc" },
        { Plain<CarveAction>(new CarveAction.Link("h0", "abc", "enp8s0", 4, "10.12.16.0/22", "10.12.16.10", null)),
            "link h0 enp8s0 cidr=10.12.16.0/22 host=h0 interface=enp8s0 ip_address=10.12.16.10 subnet_id=4 system_id=abc" },
        { Plain<CarveAction>(new CarveAction.Link("h0", "abc", "enp8s0", 4, "10.12.16.0/22", "10.12.16.10", "no link")),
            "link h0 enp8s0 cidr=10.12.16.0/22 force=no link host=h0 interface=enp8s0 ip_address=10.12.16.10 subnet_id=4 system_id=abc" },
    };

    [Theory]
    [MemberData(nameof(PlainForms))]
    public void Each_action_has_one_plain_form_and_reads_back_from_it(string plain, string expected)
    {
        Assert.Equal(expected, plain);
    }

    [Fact]
    public void A_plain_action_of_another_step_or_missing_an_argument_is_refused_by_name()
    {
        var detach = new StaleNetworksAction.DetachNic("openstack0", "52:54:00:00:00:0a", "8_lbaas").Planned("x");

        Assert.Equal("the OSD wipe has no action detach-nic", Assert.Throws<InvalidOperationException>(() => OsdWipeAction.From(detach)).Message);
        Assert.Equal("the teardown has no action detach-nic", Assert.Throws<InvalidOperationException>(() => TeardownAction.From(detach)).Message);
        Assert.Equal("re-enrolment has no action detach-nic", Assert.Throws<InvalidOperationException>(() => ReenrollAction.From(detach)).Message);
        Assert.Equal("the carve has no action detach-nic", Assert.Throws<InvalidOperationException>(() => CarveAction.From(detach)).Message);
        var wipe = new OsdWipeAction.Wipe("h", "/p", true).Planned("x");
        Assert.Equal("the network prune has no action wipe-osd", Assert.Throws<InvalidOperationException>(() => StaleNetworksAction.From(wipe)).Message);
        var truncated = detach with { Arguments = new Dictionary<string, string> { ["domain"] = "openstack0" } };
        Assert.Equal("action detach-nic openstack0 52:54:00:00:00:0a has no argument mac",
            Assert.Throws<InvalidOperationException>(() => StaleNetworksAction.From(truncated)).Message);
    }

    [Theory]
    [InlineData("hosts=openstack0")]
    [InlineData("hosts=a=b=c")]
    public void A_host_list_that_is_not_host_equals_id_pairs_is_refused(string hosts)
    {
        var plain = new PlannedAction("await-ready", "a", "x", new Dictionary<string, string> { ["hosts"] = hosts["hosts=".Length..] });
        var destroy = new PlannedAction("destroy-model", "m", "x", new Dictionary<string, string> { ["model"] = "m", ["storage"] = "destroy", ["hosts"] = hosts["hosts=".Length..] });

        Assert.Throws<InvalidOperationException>(() => ReenrollAction.From(plain));
        Assert.Throws<InvalidOperationException>(() => TeardownAction.From(destroy));
    }

    /// <summary>The action's plain form, after it was read back from that form and turned plain again: one string if both ways agree.</summary>
    private static string Plain<T>(T action) where T : IStepAction<T>
    {
        var planned = action.Planned("described");
        var again = T.From(planned).Planned(planned.Description);
        Assert.Equal(Words(planned), Words(again));
        return Words(planned);
    }

    private static string Words(PlannedAction a) =>
        string.Join(" ", [a.Kind, a.Subject, .. a.Arguments.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")]);

    [Fact]
    public void Only_the_backups_are_marked_as_changing_nothing()
    {
        Assert.True(new StaleNetworksAction.BackupNetwork("8_lbaas").Planned("").ChangesNothing);
        Assert.True(new StaleNetworksAction.BackupDomain("openstack0").Planned("").ChangesNothing);
        Assert.False(new StaleNetworksAction.DestroyNetwork("8_lbaas").Planned("").ChangesNothing);
        Assert.False(new StaleNetworksAction.UndefineNetwork("8_lbaas").Planned("").ChangesNothing);
    }
}
