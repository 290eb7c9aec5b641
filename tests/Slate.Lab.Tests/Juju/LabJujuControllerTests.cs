using Microsoft.Extensions.Time.Testing;
using Slate.Lab.Cloud;
using Slate.Lab.Faults;
using Slate.Lab.Juju;
using Slate.Runbook.Ports;

namespace Slate.Lab.Tests.Juju;

public class LabJujuControllerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static (FakeTimeProvider Time, LabCloud Cloud, LabJujuController Juju) NewLab(LabJujuTimings? timings = null, string? lingering = null)
    {
        var time = new FakeTimeProvider(Start);
        var faults = lingering is null ? LabFaults.None : LabFaults.Parse([$"lingering={lingering}"]);
        var cloud = new LabCloud(LabHarness.LoadSite(), time) { Faults = faults };
        return (time, cloud, new LabJujuController(cloud, timings));
    }

    [Fact]
    public void The_openstack_model_has_one_started_machine_per_site_host_on_its_maas_machine()
    {
        var (_, cloud, juju) = NewLab();
        var model = juju.Get("caracal-maas", "openstack");
        Assert.Equal("caracal-maas", juju.Name);
        Assert.False(model.IsController);
        Assert.Equal("alive", model.Life);
        Assert.Equal(["0", "1", "2", "3"], model.Machines.Select(m => m.Id));
        Assert.Equal(["openstack0", "openstack1", "openstack2", "openstack3"], model.Machines.Select(m => m.Hostname));
        foreach (var machine in model.Machines)
        {
            Assert.Equal(cloud.Machines.FindByHostname(machine.Hostname)!.SystemId, machine.InstanceId);
        }
        Assert.Equal("10.12.4.12", model.Machines[2].DnsName);
        Assert.Contains("10.12.32.12", model.Machines[2].IpAddresses);
    }

    [Fact]
    public void Orphans_and_protected_machines_are_not_in_the_openstack_model_and_the_controller_model_holds_juju()
    {
        var (_, cloud, juju) = NewLab();
        var instances = juju.Get(null, "openstack").Machines.Select(m => m.InstanceId).ToHashSet();
        foreach (var name in new[] { "capi-mgmt", "juju", "lxd", "tailscale" })
            Assert.DoesNotContain(cloud.Machines.FindByHostname(name)!.SystemId, instances);
        var controller = juju.Get(null, "admin/controller");
        Assert.True(controller.IsController);
        Assert.Equal(cloud.Machines.FindByHostname("juju")!.SystemId, controller.Machines.Single().InstanceId);
        Assert.Equal(["controller", "openstack"], juju.Models.Select(m => m.Name));
    }

    [Fact]
    public void Applications_have_units_on_the_model_machines_and_subordinates_on_principal_units()
    {
        var (_, _, juju) = NewLab();
        var model = juju.Get(null, "openstack");
        Assert.Equal(["1/lxd/2", "2/lxd/2", "3/lxd/0"], model.Application("keystone")!.Units.Select(u => u.Machine));
        Assert.Equal(["0/lxd/0", "1/lxd/0", "2/lxd/0"], model.Application("mysql-innodb-cluster")!.Units.Select(u => u.Machine));
        Assert.Equal(["0", "1", "2", "3"], model.Application("ceph-osd")!.Units.Select(u => u.Machine));
        var chassis = model.Application("ovn-chassis")!;
        Assert.Equal("nova-compute", chassis.SubordinateTo);
        Assert.All(chassis.Units, u => Assert.Null(u.Machine));
        Assert.Equal(["nova-compute/0", "nova-compute/1", "nova-compute/2", "nova-compute/3"], chassis.Units.Select(u => u.Principal));
        Assert.Contains(new LabJujuRelation("keystone", "shared-db", "keystone-mysql-router", "shared-db"), model.Relations);
    }

    [Fact]
    public void Unknown_models_and_controllers_are_juju_not_found_errors()
    {
        var (_, _, juju) = NewLab();
        var model = Assert.Throws<LabJujuException>(() => juju.Get(null, "nope"));
        Assert.Equal("model caracal-maas:admin/nope not found", model.Message);
        Assert.Equal(404, model.StatusCode);
        Assert.Throws<LabJujuException>(() => juju.Get(null, "bob/openstack"));
        var controller = Assert.Throws<LabJujuException>(() => juju.Get("other-ctrl", "openstack"));
        Assert.Equal("controller other-ctrl not found", controller.Message);
    }

    // Juju's undertaker order: the units (and with them applications, relations and storage) go first, then each
    // machine, whose instance the provisioner releases (juju's MAAS provider: one release call), then the model.
    [Fact]
    public void Destroy_model_removes_the_units_then_the_machines_released_in_maas_then_the_model()
    {
        var (time, cloud, juju) = NewLab();
        var t = juju.Timings;
        var ids = juju.Get(null, "openstack").Machines.Select(m => m.InstanceId).ToList();

        var model = juju.DestroyModel("caracal-maas", "openstack", new DestroyOptions(DestroyStorage: true));

        Assert.Equal("dying", model.Life);
        Assert.Equal(7, model.Applications.Count);
        Assert.Equal(4, model.Storage.Count);
        Assert.All(model.Machines, m => Assert.Equal("alive", m.Life));
        Assert.All(ids, id => Assert.Equal(NodeStatus.Deployed, cloud.Machines.FindBySystemId(id)!.Status));

        time.Advance(t.UnitRemoval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(7, juju.Get(null, "openstack").Applications.Count);
        time.Advance(TimeSpan.FromMilliseconds(1));
        model = juju.Get(null, "openstack");
        Assert.Empty(model.Applications);
        Assert.Empty(model.Relations);
        Assert.Empty(model.Storage);
        Assert.Equal(4, model.Machines.Count);
        Assert.All(model.Machines, m => Assert.Equal("dying", m.Life));
        Assert.All(ids, id => Assert.Equal(NodeStatus.Releasing, cloud.Machines.FindBySystemId(id)!.Status));
        Assert.Equal(NodeStatus.Deployed, cloud.Machines.FindByHostname("capi-mgmt")!.Status);

        time.Advance(t.MachineRemoval);
        Assert.Empty(juju.Get(null, "openstack").Machines);
        time.Advance(t.ModelRemoval - TimeSpan.FromMilliseconds(1));
        Assert.Contains(juju.Models, m => m.Name == "openstack");
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain(juju.Models, m => m.Name == "openstack");
        Assert.Throws<LabJujuException>(() => juju.Get(null, "openstack"));
        time.Advance(cloud.Timings.Releasing);
        Assert.All(ids, id => Assert.Null(cloud.Machines.FindBySystemId(id))); // dynamic pod VMs leave MAAS on release
        Assert.Equal(4, cloud.Machines.Count); // capi-mgmt and the protected machines remain
        var story = cloud.Events.Where(e => e.Source == "juju").Select(e => e.Message).SkipWhile(m => !m.StartsWith("destroy-model", StringComparison.Ordinal)).ToList();
        Assert.Equal("destroy-model openstack --destroy-storage", story[0]);
        Assert.Equal("model openstack: 24 units removed, 4 storage instances destroyed", story[1]);
        Assert.Equal("model openstack removed", story[^1]);
        Assert.True(story.IndexOf("machine 0 (openstack0) of model openstack removed") is > 1);
    }

    // cmd/juju/model/destroy.go, handlePersistentStorageError: the refusal juju prints when the model has persistent
    // storage and neither --destroy-storage nor --release-storage was given.
    [Fact]
    public void A_model_with_storage_is_not_destroyed_without_a_storage_choice()
    {
        var (time, cloud, juju) = NewLab();

        var refused = Assert.Throws<LabJujuException>(() => juju.DestroyModel(null, "openstack", new DestroyOptions(Force: true)));

        Assert.StartsWith("cannot destroy model \"openstack\"\n\nThe model has persistent storage remaining:\n\t4 volumes\n\n", refused.Message);
        Assert.Contains("command again with the \"--destroy-storage\" option.", refused.Message);
        Assert.Contains("without destroying it, use the \"--release-storage\"\noption instead.", refused.Message);
        time.Advance(juju.Timings.Total);
        var model = juju.Get(null, "openstack");
        Assert.Equal("alive", model.Life);
        Assert.Equal(4, model.Machines.Count);
        Assert.All(cloud.Site.Hosts, h => Assert.Equal(NodeStatus.Deployed, cloud.Machines.FindByHostname(h.Name)!.Status));
    }

    [Fact]
    public void Release_storage_lets_the_destruction_go_on_and_says_the_storage_was_released()
    {
        var (time, cloud, juju) = NewLab();
        juju.DestroyModel(null, "openstack", new DestroyOptions(ReleaseStorage: true));
        time.Advance(juju.Timings.Total);
        Assert.DoesNotContain(juju.Models, m => m.Name == "openstack");
        Assert.Contains(cloud.Events, e => e.Message == "model openstack: 24 units removed, 4 storage instances released");
    }

    [Fact]
    public void A_lingering_machine_keeps_the_model_dying_until_remove_machine_force_removes_it()
    {
        var (time, cloud, juju) = NewLab(lingering: "openstack2");
        var lingering = cloud.Machines.FindByHostname("openstack2")!.SystemId;
        juju.DestroyModel(null, "openstack", new DestroyOptions(DestroyStorage: true, Force: true));

        time.Advance(TimeSpan.FromHours(1));
        var model = Assert.Single(juju.Models, m => m.Name == "openstack");
        Assert.Equal("dying", model.Life);
        var machine = Assert.Single(model.Machines);
        Assert.Equal(("2", "dying"), (machine.Id, machine.Life));
        Assert.Equal(NodeStatus.Deployed, cloud.Machines.FindBySystemId(lingering)!.Status);

        var unforced = juju.RemoveMachine(null, "openstack", "2", new RemoveOptions());
        Assert.Equal("2", unforced.MachineId);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Single(juju.Get(null, "openstack").Machines);

        juju.RemoveMachine(null, "openstack", "2", new RemoveOptions(Force: true));
        Assert.Equal(NodeStatus.Releasing, cloud.Machines.FindBySystemId(lingering)!.Status);
        time.Advance(juju.Timings.ModelRemoval);
        Assert.DoesNotContain(juju.Models, m => m.Name == "openstack");
        Assert.Contains(cloud.Events, e => e.Message == "machine 2 (openstack2) lingers: it never finishes dying (lab fault)");
    }

    [Fact]
    public void The_lingering_fault_names_hosts_repeats_and_prints_back_as_it_was_given()
    {
        var faults = LabFaults.Parse(["lingering=openstack2,openstack0", "lingering=openstack3"]);
        Assert.True(faults.Lingering.SetEquals(["openstack0", "openstack2", "openstack3"]));
        Assert.False(faults.IsEmpty);
        Assert.Equal("lingering=openstack0,openstack2,openstack3", faults.ToString());
        Assert.Equal(faults.ToString(), LabFaults.Parse(faults.ToString().Split(' ')).ToString());
        Assert.Throws<LabFaultSpecException>(() => LabFaults.Parse(["lingering="]));
    }

    [Fact]
    public void Force_with_a_timeout_shortens_the_wait_and_a_second_destroy_never_lengthens_it()
    {
        var (time, _, juju) = NewLab(new LabJujuTimings(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)));
        juju.DestroyModel(null, "openstack", new DestroyOptions(DestroyStorage: true, Force: true, Timeout: TimeSpan.FromSeconds(5)));
        juju.DestroyModel(null, "openstack", new DestroyOptions(DestroyStorage: true, Force: true, Timeout: TimeSpan.FromSeconds(20)));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(juju.Models, m => m.Name == "openstack");
    }

    [Fact]
    public void Force_with_a_timeout_drops_a_model_whose_machine_lingers()
    {
        var (time, _, juju) = NewLab(lingering: "openstack0");
        juju.DestroyModel(null, "openstack", new DestroyOptions(DestroyStorage: true, Force: true, Timeout: TimeSpan.FromMinutes(1)));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.DoesNotContain(juju.Models, m => m.Name == "openstack");
    }

    [Fact]
    public void A_timeout_without_force_does_not_shorten_the_wait()
    {
        var (time, _, juju) = NewLab(new LabJujuTimings(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)));
        juju.DestroyModel(null, "openstack", new DestroyOptions(DestroyStorage: true, Timeout: TimeSpan.Zero));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Contains(juju.Models, m => m.Name == "openstack");
    }

    [Fact]
    public void The_controller_model_cannot_be_destroyed()
    {
        var (_, cloud, juju) = NewLab();
        var error = Assert.Throws<LabJujuException>(() => juju.DestroyModel(null, "controller", new DestroyOptions(Force: true)));
        Assert.Equal("\"controller\" is a controller; use 'juju destroy-controller' to destroy it", error.Message);
        Assert.Equal(NodeStatus.Deployed, cloud.Machines.FindByHostname("juju")!.Status);
    }

    [Fact]
    public void Remove_machine_with_keep_instance_leaves_the_maas_machine_deployed()
    {
        var (time, cloud, juju) = NewLab();
        var id = juju.Get(null, "openstack").Machines.Single(m => m.Id == "3").InstanceId;

        var removal = juju.RemoveMachine(null, "openstack", "3", new RemoveOptions(KeepInstance: true, Force: true));

        Assert.Equal(["ceph-osd/3", "nova-compute/3", "ovn-chassis/3", "keystone/2", "keystone-mysql-router/2"], removal.Units);
        Assert.Equal(["osd-devices/3"], removal.DetachedStorage);
        var model = juju.Get(null, "openstack");
        var detached = Assert.Single(model.Storage, st => st.Id == "osd-devices/3");
        Assert.Null(detached.Unit);
        Assert.DoesNotContain(model.Machines, m => m.Id == "3");
        Assert.DoesNotContain(model.Applications.SelectMany(a => a.Units), u => u.Machine == "3" || u.Principal == "nova-compute/3");
        time.Advance(TimeSpan.FromMinutes(5));
        var instance = cloud.Machines.FindBySystemId(id)!;
        Assert.Equal(NodeStatus.Deployed, instance.Status);
        Assert.Equal("admin", instance.Owner);
    }

    [Fact]
    public void Remove_machine_without_keep_instance_releases_it_in_maas()
    {
        var (time, cloud, juju) = NewLab();
        var id = juju.Get(null, "openstack").Machines.Single(m => m.Id == "1").InstanceId;

        juju.RemoveMachine(null, "openstack", "1", new RemoveOptions(Force: true));

        Assert.Equal(NodeStatus.Releasing, cloud.Machines.FindBySystemId(id)!.Status);
        time.Advance(cloud.Timings.Releasing);
        Assert.Null(cloud.Machines.FindBySystemId(id));
        Assert.Equal(3, juju.Get(null, "openstack").Machines.Count);
    }

    [Fact]
    public void Remove_machine_refuses_a_machine_with_units_unless_forced_and_an_unknown_machine()
    {
        var (_, cloud, juju) = NewLab();
        var busy = Assert.Throws<LabJujuException>(() => juju.RemoveMachine(null, "openstack", "0", new RemoveOptions()));
        Assert.Equal("removing machine 0 failed: machine 0 has unit \"ceph-osd/0\" assigned", busy.Message);
        Assert.Equal(4, juju.Get(null, "openstack").Machines.Count);
        Assert.All(cloud.Site.Hosts, h => Assert.Equal(NodeStatus.Deployed, cloud.Machines.FindByHostname(h.Name)!.Status));
        var unknown = Assert.Throws<LabJujuException>(() => juju.RemoveMachine(null, "openstack", "9", new RemoveOptions(Force: true)));
        Assert.Equal("removing machine 9 failed: machine 9 not found", unknown.Message);
    }
}
