using Microsoft.Extensions.Time.Testing;
using Slate.Lab.Cloud;
using Slate.Lab.Juju;
using Slate.Runbook.Ports;

namespace Slate.Lab.Tests.Juju;

public class LabJujuControllerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static (FakeTimeProvider Time, LabCloud Cloud, LabJujuController Juju) NewLab(TimeSpan? modelRemoval = null)
    {
        var time = new FakeTimeProvider(Start);
        var cloud = new LabCloud(LabHarness.LoadSite(), time);
        return (time, cloud, new LabJujuController(cloud, modelRemoval));
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
        Assert.Equal(["0", "1", "2"], model.Application("keystone")!.Units.Select(u => u.Machine));
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

    [Fact]
    public void Destroy_model_turns_it_dying_releases_every_machine_in_maas_and_drops_it_after_the_removal_delay()
    {
        var (time, cloud, juju) = NewLab();
        var ids = juju.Get(null, "openstack").Machines.Select(m => m.InstanceId).ToList();

        var model = juju.DestroyModel("caracal-maas", "openstack", new DestroyOptions(DestroyStorage: true));

        Assert.Equal("dying", model.Life);
        Assert.All(model.Machines, m => Assert.Equal("dying", m.Life));
        Assert.All(ids, id => Assert.Equal(NodeStatus.Releasing, cloud.Machines.FindBySystemId(id)!.Status));
        Assert.Equal(NodeStatus.Deployed, cloud.Machines.FindByHostname("capi-mgmt")!.Status);

        time.Advance(cloud.Timings.Releasing);
        Assert.All(ids, id => Assert.Null(cloud.Machines.FindBySystemId(id))); // dynamic pod VMs are deleted on release
        Assert.Contains(juju.Models, m => m.Name == "openstack"); // the model outlives its machines a little

        time.Advance(juju.ModelRemoval - cloud.Timings.Releasing - TimeSpan.FromMilliseconds(1));
        Assert.Contains(juju.Models, m => m.Name == "openstack");
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain(juju.Models, m => m.Name == "openstack");
        Assert.Throws<LabJujuException>(() => juju.Get(null, "openstack"));
        Assert.Equal(4, cloud.Machines.Count); // capi-mgmt and the protected machines remain
        Assert.Contains(cloud.Events, e => e.Source == "juju" && e.Message == "destroy-model openstack --destroy-storage");
        Assert.Contains(cloud.Events, e => e.Source == "juju" && e.Message == "model openstack removed");
    }

    [Fact]
    public void Force_with_a_timeout_shortens_the_wait_and_a_second_destroy_never_lengthens_it()
    {
        var (time, _, juju) = NewLab(modelRemoval: TimeSpan.FromSeconds(30));
        juju.DestroyModel(null, "openstack", new DestroyOptions(Force: true, Timeout: TimeSpan.FromSeconds(5)));
        juju.DestroyModel(null, "openstack", new DestroyOptions());
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(juju.Models, m => m.Name == "openstack");
    }

    [Fact]
    public void A_timeout_without_force_does_not_shorten_the_wait()
    {
        var (time, _, juju) = NewLab(modelRemoval: TimeSpan.FromSeconds(30));
        juju.DestroyModel(null, "openstack", new DestroyOptions(Timeout: TimeSpan.Zero));
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

        juju.RemoveMachine(null, "openstack", "3", new RemoveOptions(KeepInstance: true, Force: true));

        var model = juju.Get(null, "openstack");
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
        Assert.Equal("removing machine 0 failed: machine 0 has unit \"keystone/0\" assigned", busy.Message);
        Assert.Equal(4, juju.Get(null, "openstack").Machines.Count);
        Assert.All(cloud.Site.Hosts, h => Assert.Equal(NodeStatus.Deployed, cloud.Machines.FindByHostname(h.Name)!.Status));
        var unknown = Assert.Throws<LabJujuException>(() => juju.RemoveMachine(null, "openstack", "9", new RemoveOptions(Force: true)));
        Assert.Equal("removing machine 9 failed: machine 9 not found", unknown.Message);
    }
}
