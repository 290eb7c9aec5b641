using System.Text.Json;
using Slate.Maas.Models;
using Slate.Maas.Tests.Support;

namespace Slate.Maas.Tests;

public sealed class FixtureParsingTests
{
    private static T Parse<T>(string file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(TestClients.Fixture(file), type)!;

    [Fact]
    public void A_new_virsh_machine_has_no_pod_and_empty_string_params()
    {
        var machine = Parse("maas37-example__machines__create-virsh-commissioning.json", MaasJsonContext.Default.Machine);

        Assert.Equal("p37gqk", machine.SystemId);
        Assert.Equal(MachineStatus.Commissioning, machine.Status);
        Assert.Equal("virsh", machine.PowerType);
        Assert.Null(machine.Pod);
        var eth0 = Assert.Single(machine.InterfaceSet);
        Assert.Same(InterfaceParams.None, eth0.Params);
        Assert.Null(eth0.Vlan);
        Assert.Equal(137, machine.BootInterface!.Id);
        Assert.Equal("default", machine.Zone!.Name);
    }

    [Fact]
    public void A_pod_machine_carries_its_pod()
    {
        var machine = Parse("maas37-example__machines__commission-pod-machine.json", MaasJsonContext.Default.Machine);

        Assert.Equal("clever-turkey", machine.Hostname);
        Assert.Equal(new MachinePod(1, "LXCPod", "/MAAS/api/2.0/pods/1/"), machine.Pod);
    }

    [Fact]
    public void A_deployed_machine_has_its_auto_ip_and_fractional_storage()
    {
        var machine = Parse("yorc__machine__3-read-deployed.json", MaasJsonContext.Default.Machine);

        Assert.Equal(MachineStatus.Deployed, machine.Status);
        Assert.Equal(["172.20.0.114"], machine.IpAddresses);
        Assert.Equal(2000409.772032, machine.Storage, 6);
        Assert.Equal(12288, machine.Memory);
        var link = machine.InterfaceSet[0].Links[0];
        Assert.Equal(("auto", "172.20.0.114", "172.20.0.0/24"), (link.Mode, link.IpAddress, link.Subnet!.Cidr));
        Assert.Equal(1, link.Subnet.Vlan!.FabricId);
    }

    [Fact]
    public void Interfaces_list_and_bridge_params_parse()
    {
        var interfaces = Parse("maas37-example__interfaces__read.json", MaasJsonContext.Default.IReadOnlyListMachineInterface);
        var bridge = Parse("maas37-example__interfaces__create-bridge.json", MaasJsonContext.Default.MachineInterface);
        var linked = Parse("maas37-example__interfaces__link-subnet.json", MaasJsonContext.Default.MachineInterface);

        Assert.Equal(6, interfaces.Count);
        Assert.Equal(("eth-lKRYAa.42", "vlan"), (interfaces[3].Name, interfaces[3].Type));
        Assert.Equal(new InterfaceParams { BridgeType = "standard", BridgeFd = 15, BridgeStp = false }, bridge.Params);
        Assert.Equal(["eth1"], bridge.Parents);
        var link = Assert.Single(linked.Links);
        Assert.Equal((70, "auto", (string?)null, 1), (link.Id, link.Mode, link.IpAddress, link.Subnet!.Id));
    }

    [Fact]
    public void Maas_2_0_era_spaces_and_links_parse_without_fabric_id_or_space_on_vlans()
    {
        var spaces = Parse("gomaasapi__space_test__spacesResponse.json", MaasJsonContext.Default.IReadOnlyListSpace);
        var links = Parse("gomaasapi__link_test__linksResponse.json", MaasJsonContext.Default.IReadOnlyListInterfaceLink);

        var space = Assert.Single(spaces);
        Assert.Null(space.Vlans);
        Assert.Equal(2, space.Subnets.Count);
        Assert.Null(space.Subnets[0].Vlan!.FabricId);
        Assert.Null(space.Subnets[0].Vlan!.Space);
        Assert.Equal("fabric-1", space.Subnets[0].Vlan!.Fabric);
        Assert.Equal(("192.168.100.5", (string?)null), (links[0].IpAddress, links[1].IpAddress));
    }

    [Fact]
    public void Vm_hosts_subnets_fabrics_and_version_parse()
    {
        var host = Assert.Single(Parse("maas37-example__vm-hosts__read.json", MaasJsonContext.Default.IReadOnlyListVmHost));
        var subnets = Parse("maas37-example__subnets__read.json", MaasJsonContext.Default.IReadOnlyListSubnet);
        var fabrics = Parse("maas37-example__fabrics__read.json", MaasJsonContext.Default.IReadOnlyListFabric);
        var version = Parse("maas37-example__version.json", MaasJsonContext.Default.VersionInfo);

        Assert.Equal(("proud-cat", "virsh", 3), (host.Name, host.Type, host.StoragePools.Count));
        Assert.Equal(new VmHostResources(17, 17408, 102193675437), host.Total);
        Assert.True(host.StoragePools[0].IsDefault);
        Assert.Null(host.Host!.SystemId);
        Assert.Equal(("172.16.1.0/24", "management", "172.16.1.1"), (subnets[0].Cidr, subnets[0].Space, subnets[0].GatewayIp));
        Assert.Equal(("fabric-0", 2), (fabrics[0].Name, fabrics[0].Vlans.Count));
        Assert.Contains("authenticate-api", version.Capabilities);
    }
}
