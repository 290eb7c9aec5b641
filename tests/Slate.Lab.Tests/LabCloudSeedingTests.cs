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

    /// <summary>MAAS models/subnet.py: a subnet's space is its VLAN's; each untagged plane is a fabric of its own.</summary>
    [Fact]
    public void Each_untagged_plane_is_a_fabric_metal_internal_is_vlan_103_on_the_metal_fabric_and_spaces_sit_on_vlans()
    {
        var networks = NewCloud().Networks;
        Assert.Equal(5, networks.Fabrics.Count);
        Assert.All(networks.Fabrics, f => Assert.Equal(0, f.Vlans[0].Vid));
        var byPlane = networks.Subnets.ToDictionary(s => s.Space!.Name);
        Assert.Equal(6, byPlane.Count);
        Assert.Equal(103, byPlane["metal-internal"].Vlan.Vid);
        Assert.Same(byPlane["metal-admin"].Vlan.Fabric, byPlane["metal-internal"].Vlan.Fabric);
        Assert.Equal(5, networks.Subnets.Where(s => s.Vlan.Vid == 0).Select(s => s.Vlan.Fabric).Distinct().Count());
        Assert.All(networks.Subnets, s => Assert.Same(s.Vlan.Space, s.Space));
        Assert.Empty(networks.VlansIn(null));
        Assert.All(networks.Subnets, s => Assert.Equal(1, s.Gateway.GetAddressBytes()[3]));
    }

    [Fact]
    public void Seeded_hosts_carry_pattern_a_on_the_planes_vlans_with_their_domains_nics()
    {
        var cloud = NewCloud();
        var machine = cloud.Machines.FindByHostname("openstack2")!;
        var byName = machine.Interfaces.ToDictionary(i => i.Name);
        var vlanOf = cloud.Networks.Subnets.ToDictionary(s => s.Space!.Name, s => s.Vlan);
        Assert.Same(vlanOf["provider-public"], byName["enp1s0"].Vlan);
        Assert.Same(vlanOf["provider-public"], byName["br-ex"].Vlan);
        Assert.Same(vlanOf["metal-admin"], byName["enp7s0"].Vlan);
        Assert.Same(vlanOf["metal-internal"], byName["br-metal.103"].Vlan);
        Assert.Same(vlanOf["metal-internal"], byName["br-internal"].Vlan);
        Assert.Same(vlanOf["storage"], byName["enp9s0"].Vlan);
        Assert.Equal("10.12.12.12", byName["br-internal"].Links.Single().IpAddress!.ToString());
        foreach (var nic in cloud.Hypervisor.NicsOf("openstack2").Where(n => n.Network != "8_lbaas"))
        {
            Assert.Equal(nic.Mac, byName[nic.KernelName].MacAddress);
        }
        Assert.Equal("enp7s0", machine.BootInterface!.Name); // on the rack's subnet (the power address 10.12.8.1)
        Assert.Equal(64L << 30, machine.BootDisk!.SizeBytes);
        Assert.NotNull(machine.VirtualMachineId);
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
        ((FakeTimeProvider)cloud.Time).Advance(cloud.Timings.Decomposing);
        Assert.DoesNotContain(cloud.Machines, m => m.Hostname == "capi-mgmt");
        Assert.Contains(cloud.Events, e => e.Source == "maas" && e.Message.Contains("deleted capi-mgmt", StringComparison.Ordinal)
            && e.Message.Contains("decomposed", StringComparison.Ordinal));
    }
}
