using Microsoft.Extensions.Time.Testing;
using Slate.Lab.Cloud;

namespace Slate.Lab.Tests;

public class LabCloudSeedingTests
{
    private static LabCloud NewCloud() => new(LabHarness.LoadSite(), new FakeTimeProvider());

    [Fact]
    public void Site_hosts_are_deployed_dynamic_pod_machines_with_virsh_power()
    {
        var cloud = NewCloud();
        foreach (var host in cloud.Site.Hosts)
        {
            var machine = cloud.Machines.FindByHostname(host.Name)!;
            Assert.Equal(NodeStatus.Deployed, machine.Status);
            Assert.Equal("admin", machine.Owner);
            Assert.Equal("on", machine.PowerState);
            Assert.True(machine.Dynamic);
            Assert.Same(cloud.Pods.Pod, machine.Pod);
            Assert.Equal("qemu+ssh://jessea123@10.12.8.1/system", machine.PowerParameters["power_address"]);
            Assert.Equal(host.Name, machine.PowerParameters["power_id"]);
            Assert.False(string.IsNullOrEmpty(machine.PowerParameters["power_pass"]));
        }
        foreach (var name in new[] { "capi-mgmt", "juju", "lxd", "tailscale" })
        {
            Assert.Equal(NodeStatus.Deployed, cloud.Machines.FindByHostname(name)!.Status);
        }
        Assert.Equal(8, cloud.Machines.Count);
    }

    [Fact]
    public void Pattern_A_is_carved_with_static_links_at_plane_addresses()
    {
        var cloud = NewCloud();
        var machine = cloud.Machines.FindByHostname("openstack1")!;
        var byName = machine.Interfaces.ToDictionary(i => i.Name);
        Assert.Equal(["enp1s0", "br-ex", "enp7s0", "br-metal", "br-metal.103", "br-internal", "enp8s0", "enp9s0", "enp10s0"], byName.Keys);
        Assert.Equal("52:54:00:0c:04:0b", byName["enp1s0"].MacAddress);
        Assert.Equal("ovs", byName["br-ex"].BridgeType);
        Assert.Equal("standard", byName["br-metal"].BridgeType);
        Assert.Equal(InterfaceType.Vlan, byName["br-metal.103"].Type);
        Assert.Equal(103, byName["br-metal.103"].Vlan!.Vid);
        Assert.Empty(byName["enp1s0"].Links);
        Assert.Equal("10.12.4.11", byName["br-ex"].Links.Single().IpAddress!.ToString());
        Assert.Equal(LinkMode.Static, byName["br-internal"].Links.Single().Mode);
        Assert.Equal("10.12.12.11", byName["br-internal"].Links.Single().IpAddress!.ToString());
        Assert.Equal("10.12.36.11", byName["enp10s0"].Links.Single().IpAddress!.ToString());
        var macs = cloud.Machines.SelectMany(m => m.Interfaces).Where(i => i.Type == InterfaceType.Physical).Select(i => i.MacAddress).ToList();
        Assert.Equal(macs.Count, macs.Distinct().Count());
    }

    [Fact]
    public void Networks_are_one_fabric_with_a_vlan_per_vid_and_a_space_and_subnet_per_plane()
    {
        var cloud = NewCloud();
        Assert.Equal([0, 103], cloud.Networks.Vlans.Select(v => v.Vid));
        Assert.Equal(6, cloud.Networks.Spaces.Count);
        Assert.Equal(cloud.Site.Planes.Select(p => p.Name), cloud.Networks.Subnets.Select(s => s.Space.Name));
        Assert.Equal("metal-internal", cloud.Networks.Vlans.Single(v => v.Vid == 103).Space!.Name);
        Assert.Null(cloud.Networks.Vlans.Single(v => v.Vid == 0).Space); // five planes share the untagged VLAN
        Assert.All(cloud.Networks.Subnets, s => Assert.Equal(1, s.Gateway.GetAddressBytes()[3]));
    }

    [Fact]
    public void System_ids_are_fresh_for_every_created_machine_even_after_deletion()
    {
        var cloud = NewCloud();
        var seen = cloud.Machines.Select(m => m.SystemId).ToHashSet();
        for (var i = 0; i < 20; i++)
        {
            var machine = cloud.Machines.Create(new MachineSpec($"vm{i}", "amd64", [$"52:54:00:aa:00:{i:x2}"], "virsh",
                new Dictionary<string, string>(), Commission: false));
            Assert.Matches("^[a-z0-9]{6}$", machine.SystemId);
            Assert.True(seen.Add(machine.SystemId), $"system id {machine.SystemId} reused");
            cloud.Machines.Delete(machine.SystemId);
        }
    }

    [Fact]
    public void Every_change_lands_in_the_event_log()
    {
        var cloud = NewCloud();
        cloud.Machines.Delete(cloud.Machines.FindByHostname("capi-mgmt")!.SystemId);
        Assert.Contains(cloud.Events, e => e.Source == "maas" && e.Message.Contains("deleted capi-mgmt", StringComparison.Ordinal)
            && e.Message.Contains("decomposed", StringComparison.Ordinal));
    }
}
