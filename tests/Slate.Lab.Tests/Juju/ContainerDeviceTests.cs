using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Slate.Lab.Cloud;
using Slate.Lab.Faults;
using Slate.Lab.Juju;
using Slate.Runbook.Ports;

namespace Slate.Lab.Tests.Juju;

/// <summary>
/// The model's LXD containers and the MAAS devices Juju registers for them (provider/maas/environ.go): children of
/// their hosts holding STICKY addresses, gone with the containers or with their host's release (models/node.py
/// start_releasing), left behind under the leftover-devices fault.
/// </summary>
public sealed class ContainerDeviceTests
{
    private readonly FakeTimeProvider _time = LabHarness.NewClock();

    private (LabCloud Cloud, LabJujuController Juju) NewLab(params string[] faults)
    {
        var cloud = new LabCloud(LabHarness.LoadSite(), _time) { Faults = LabFaults.Parse(faults) };
        return (cloud, new LabJujuController(cloud));
    }

    [Fact]
    public async Task Each_container_is_a_maas_device_under_its_host_with_an_address_on_the_boot_and_public_planes()
    {
        await using var lab = await LabHarness.StartAsync();

        var devices = (await lab.GetJsonAsync("devices/")).AsArray();

        Assert.Equal(9, devices.Count);
        var first = devices.Single(d => ((string)d!["hostname"]!).EndsWith("-0-lxd-0", StringComparison.Ordinal))!;
        Assert.Equal(lab.IdOf("openstack0"), (string?)first["parent"]);
        Assert.Equal(("Device", 1), ((string?)first["node_type_name"], (int)first["node_type"]!));
        var addresses = first["ip_addresses"]!.AsArray().Select(a => IPAddress.Parse((string)a!)).ToList();
        Assert.Equal(["10.12.8.0/22", "10.12.4.0/22"], addresses.Select(a => lab.Cloud.Networks.Subnets.Single(s => s.Cidr.Contains(a)).Cidr.ToString()));
        var boot = lab.Cloud.Networks.Subnets.Single(s => s.Cidr.Contains(addresses[0]));
        var row = (await lab.GetJsonAsync($"subnets/{boot.Id}/?op=ip_addresses")).AsArray().Single(r => (string?)r!["ip"] == addresses[0].ToString())!;
        Assert.Equal((1, 1, true), ((int)row["alloc_type"]!, (int)row["node_summary"]!["node_type"]!, (bool)row["node_summary"]!["is_container"]!));
    }

    [Fact]
    public async Task Juju_status_nests_each_container_under_its_host_and_a_unit_in_one_shows_its_address()
    {
        await using var lab = await LabJujuHarness.StartAsync();

        var status = (await lab.RunAsync("status", "-m", "openstack", "--format=json")).Json();

        var containers = status["machines"]!["1"]!["containers"]!.AsObject();
        Assert.Equal(["1/lxd/0", "1/lxd/1", "1/lxd/2"], containers.Select(c => c.Key));
        var keystone = containers["1/lxd/2"]!;
        Assert.Equal((string?)keystone["instance-id"], (string?)keystone["hostname"]);
        Assert.Equal((string?)keystone["dns-name"], (string?)status["applications"]!["keystone"]!["units"]!["keystone/0"]!["public-address"]);
        Assert.Equal("1/lxd/2", (string?)status["applications"]!["keystone"]!["units"]!["keystone/0"]!["machine"]);
    }

    [Fact]
    public void Remove_machine_refuses_a_host_of_containers_unless_forced_and_forced_takes_them_and_their_devices()
    {
        var (cloud, juju) = NewLab();
        var model = juju.Get(null, "openstack");
        model.Applications.RemoveAll(a => a.Name is "ceph-osd" or "nova-compute" or "ovn-chassis");

        var refused = Assert.Throws<LabJujuException>(() => juju.RemoveMachine(null, "openstack", "0", new RemoveOptions(KeepInstance: true)));
        Assert.Equal("removing machine 0 failed: machine 0 is hosting containers \"0/lxd/0,0/lxd/1\"", refused.Message);
        Assert.Equal(9, cloud.Devices.All.Count);

        var removal = juju.RemoveMachine(null, "openstack", "0", new RemoveOptions(KeepInstance: true, Force: true));

        Assert.Equal(["mysql-innodb-cluster/0", "ceph-mon/0"], removal.Units);
        Assert.Equal(7, cloud.Devices.All.Count);
        Assert.DoesNotContain(cloud.Devices.All, d => d.Parent == cloud.Machines.FindByHostname("openstack0")!.SystemId);
        Assert.Equal(NodeStatus.Deployed, cloud.Machines.FindByHostname("openstack0")!.Status);
    }

    [Fact]
    public void Destroy_model_deletes_every_container_device_and_frees_its_addresses()
    {
        var (cloud, juju) = NewLab();
        var held = cloud.Devices.All.SelectMany(d => d.Addresses).ToList();

        juju.DestroyModel(null, "openstack", new DestroyOptions(DestroyStorage: true));
        _time.Advance(TimeSpan.FromHours(1));
        juju.Settle();

        Assert.Empty(cloud.Devices.All);
        Assert.All(held, a => Assert.DoesNotContain(cloud.Networks.AddressesOn(a.Subnet), r => r.Ip.Equals(a.Ip)));
    }

    [Fact]
    public void Under_the_leftover_devices_fault_a_hosts_container_devices_have_no_parent_and_survive_the_model()
    {
        var (cloud, juju) = NewLab("leftover-devices=openstack1");

        juju.DestroyModel(null, "openstack", new DestroyOptions(DestroyStorage: true));
        _time.Advance(TimeSpan.FromHours(1));
        juju.Settle();

        var left = cloud.Devices.All;
        Assert.Equal(["-1-lxd-0", "-1-lxd-1", "-1-lxd-2"], left.Select(d => d.Hostname[^8..]));
        Assert.All(left, d => Assert.Null(d.Parent));
        Assert.Contains(cloud.Events, e => e.Source == LabFaults.EventSource && e.Message.StartsWith("container 1/lxd/0 removed; the release of its addresses failed", StringComparison.Ordinal));
        _time.Advance(cloud.Timings.Releasing);
        Assert.Null(cloud.Machines.FindByHostname("openstack1"));
        Assert.Equal(3, cloud.Devices.All.Count);
    }

    [Fact]
    public void Releasing_a_machine_deletes_its_child_devices_and_no_other()
    {
        var cloud = new LabCloud(LabHarness.LoadSite(), _time);
        var host = cloud.Machines.FindByHostname("openstack2")!;
        var boot = cloud.Networks.Subnets[0];
        var child = cloud.Devices.Register("child", host.SystemId, "00:16:3e:00:00:01", [boot]);
        var free = cloud.Devices.Register("free", null, "00:16:3e:00:00:02", [boot]);

        cloud.Machines.Release(host.SystemId);

        Assert.Null(cloud.Devices.Find(child.SystemId));
        Assert.NotNull(cloud.Devices.Find(free.SystemId));
        Assert.DoesNotContain(cloud.Networks.AddressesOn(boot), r => r.Ip.Equals(child.Addresses[0].Ip));
    }

    [Fact]
    public async Task Deleting_a_device_is_204_and_frees_its_addresses_and_an_unknown_one_is_404()
    {
        await using var lab = await LabHarness.StartAsync();
        var device = lab.Cloud.Devices.All[0];

        var (deleted, _) = await lab.SendAsync(HttpMethod.Delete, $"devices/{device.SystemId}/");
        var (again, body) = await lab.SendAsync(HttpMethod.Get, $"devices/{device.SystemId}/");

        Assert.Equal(HttpStatusCode.NoContent, deleted);
        Assert.Equal((HttpStatusCode.NotFound, "No Device matches the given query."), (again, body));
        Assert.DoesNotContain(lab.Cloud.Networks.AddressesOn(device.Addresses[0].Subnet), r => r.Ip.Equals(device.Addresses[0].Ip));
        Assert.Equal(8, (await lab.GetJsonAsync("devices/")).AsArray().Count);
        Assert.Single((await lab.GetJsonAsync($"devices/?hostname={lab.Cloud.Devices.All[0].Hostname}")).AsArray());
    }
}
