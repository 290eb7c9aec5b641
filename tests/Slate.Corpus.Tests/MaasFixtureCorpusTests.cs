using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Slate.Maas.Models;

namespace Slate.Corpus.Tests;

/// <summary>Every JSON file under ../shared/fixtures/maas parses with its Slate.Maas model, with concrete values checked.</summary>
public sealed class MaasFixtureCorpusTests
{
    private static readonly string FixtureDirectory = SharedCorpus.PathOf("fixtures", "maas");

    private static T Parse<T>(string file, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(FixtureDirectory, file)), type)
        ?? throw new InvalidDataException($"{file} parsed to null");

    private static readonly Dictionary<string, Action<string>> Checks = new()
    {
        ["gomaasapi__fabric_test__fabricResponse.json"] = f =>
        {
            var fabrics = Parse(f, MaasJsonContext.Default.IReadOnlyListFabric);
            Assert.Equal("fabric-0", fabrics[0].Name);
            Assert.All(fabrics.SelectMany(x => x.Vlans), v => Assert.Null(v.FabricId));
        },
        ["gomaasapi__link_test__linksResponse.json"] = f =>
        {
            var links = Parse(f, MaasJsonContext.Default.IReadOnlyListInterfaceLink);
            Assert.Equal([69, 70], links.Select(l => l.Id));
            Assert.Equal("192.168.100.5", links[0].IpAddress);
            Assert.Null(links[1].IpAddress);
        },
        ["gomaasapi__space_test__spacesResponse.json"] = f =>
        {
            var space = Assert.Single(Parse(f, MaasJsonContext.Default.IReadOnlyListSpace));
            Assert.Equal("space-0", space.Name);
            Assert.Equal(["192.168.122.0/24", "192.168.100.0/24"], space.Subnets.Select(s => s.Cidr));
        },
        ["gomaasclient__test__testdata__maas__vm_host.json"] = f =>
        {
            var host = Parse(f, MaasJsonContext.Default.VmHost);
            Assert.Equal(("newpodname", "virsh"), (host.Name, host.Type));
            Assert.Equal("/var/lib/libvirt/maas-images", Assert.Single(host.StoragePools).Path);
            Assert.Contains("composable", host.Capabilities);
        },
        ["maas37-example__fabrics__read.json"] = f =>
            Assert.Equal("fabric-0", Parse(f, MaasJsonContext.Default.IReadOnlyListFabric)[0].Name),
        ["maas37-example__fabrics__vlans-read.json"] = f =>
        {
            var vlan = Assert.Single(Parse(f, MaasJsonContext.Default.IReadOnlyListVlan));
            Assert.Equal((5014, 0, 10, "undefined"), (vlan.Id, vlan.Vid, vlan.FabricId, vlan.Space));
        },
        ["maas37-example__interfaces__create-bond.json"] = f =>
            Assert.Equal("bond", Parse(f, MaasJsonContext.Default.MachineInterface).Type),
        ["maas37-example__interfaces__create-bridge.json"] = f =>
            Assert.Equal("standard", Parse(f, MaasJsonContext.Default.MachineInterface).Params!.BridgeType),
        ["maas37-example__interfaces__create-physical.json"] = f =>
            Assert.Equal("physical", Parse(f, MaasJsonContext.Default.MachineInterface).Type),
        ["maas37-example__interfaces__disconnect.json"] = f =>
        {
            var iface = Parse(f, MaasJsonContext.Default.MachineInterface);
            Assert.Null(iface.Vlan);
            Assert.Empty(iface.Links);
        },
        ["maas37-example__interfaces__link-subnet.json"] = f =>
            Assert.Equal("auto", Assert.Single(Parse(f, MaasJsonContext.Default.MachineInterface).Links).Mode),
        ["maas37-example__interfaces__read.json"] = f =>
            Assert.Equal(6, Parse(f, MaasJsonContext.Default.IReadOnlyListMachineInterface).Count),
        ["maas37-example__interfaces__unlink-subnet.json"] = f =>
            Assert.Equal("link_up", Assert.Single(Parse(f, MaasJsonContext.Default.MachineInterface).Links).Mode),
        ["maas37-example__interfaces__update.json"] = f =>
            Assert.NotEqual(0, Parse(f, MaasJsonContext.Default.MachineInterface).Id),
        ["maas37-example__machines__allocate-pod-machine.json"] = f =>
        {
            var machine = Parse(f, MaasJsonContext.Default.Machine);
            Assert.Equal(MachineStatus.Allocated, machine.Status);
            Assert.NotNull(machine.Pod);
        },
        ["maas37-example__machines__commission-pod-machine.json"] = f =>
            Assert.Equal("LXCPod", Parse(f, MaasJsonContext.Default.Machine).Pod!.Name),
        ["maas37-example__machines__create-virsh-commissioning.json"] = f =>
        {
            var machine = Parse(f, MaasJsonContext.Default.Machine);
            Assert.Equal(("p37gqk", MachineStatus.Commissioning, "virsh"), (machine.SystemId, machine.Status, machine.PowerType));
            Assert.Null(machine.Pod);
        },
        ["maas37-example__machines__deploy.json"] = f =>
            Assert.Equal(MachineStatus.Allocated, Parse(f, MaasJsonContext.Default.Machine).Status),
        ["maas37-example__machines__op-power_parameters-virsh.json"] = f =>
        {
            var all = Parse(f, MaasJsonContext.Default.IReadOnlyDictionaryStringPowerParameters);
            Assert.Equal("nice-shad", all["xs7qfn"].PowerId);
            Assert.Null(all["dypesm"].PowerPass);
        },
        ["maas37-example__machines__op-query_power_state.json"] = f =>
            Assert.Equal("on", Parse(f, MaasJsonContext.Default.PowerStateReading).State),
        ["maas37-example__machines__release-pod-machine-ready.json"] = f =>
        {
            var machine = Parse(f, MaasJsonContext.Default.Machine);
            Assert.Equal(MachineStatus.Ready, machine.Status);
            Assert.Null(machine.Owner);
        },
        ["maas37-example__spaces__read-one.json"] = f =>
            Assert.NotEqual("", Parse(f, MaasJsonContext.Default.Space).Name),
        ["maas37-example__spaces__read.json"] = f =>
            Assert.NotEmpty(Parse(f, MaasJsonContext.Default.IReadOnlyListSpace)),
        ["maas37-example__subnets__read.json"] = f =>
            Assert.Equal("172.16.1.0/24", Parse(f, MaasJsonContext.Default.IReadOnlyListSubnet)[0].Cidr),
        ["maas37-example__version.json"] = f =>
            Assert.Equal("2.5.0 from source", Parse(f, MaasJsonContext.Default.VersionInfo).Version),
        ["maas37-example__vm-hosts__op-compose.json"] = f =>
            Assert.Equal("wdpx3n", Parse(f, MaasJsonContext.Default.MachineReference).SystemId),
        ["maas37-example__vm-hosts__op-parameters.json"] = f =>
            Assert.Equal("qemu+ssh://ubuntu@172.16.2.42/system", Parse(f, MaasJsonContext.Default.PowerParameters).PowerAddress),
        ["maas37-example__vm-hosts__read.json"] = f =>
            Assert.Equal("proud-cat", Assert.Single(Parse(f, MaasJsonContext.Default.IReadOnlyListVmHost)).Name),
        ["yorc__machine__1-allocate-response.json"] = f =>
        {
            var machine = Parse(f, MaasJsonContext.Default.Machine);
            Assert.Equal(MachineStatus.Allocated, machine.Status);
            Assert.Null(machine.InterfaceSet[0].Links[0].IpAddress);
        },
        ["yorc__machine__2-deploy-response.json"] = f =>
        {
            var machine = Parse(f, MaasJsonContext.Default.Machine);
            Assert.Equal((MachineStatus.Deploying, "focal"), (machine.Status, machine.DistroSeries));
        },
        ["yorc__machine__3-read-deployed.json"] = f =>
        {
            var machine = Parse(f, MaasJsonContext.Default.Machine);
            Assert.Equal((MachineStatus.Deployed, "on"), (machine.Status, machine.PowerState));
            Assert.Equal("172.20.0.114", machine.InterfaceSet[0].Links[0].IpAddress);
        },
    };

    public static TheoryData<string> FixtureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(FixtureDirectory, "*.json").Order()) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Every_fixture_parses_with_its_model(string file)
    {
        Assert.True(Checks.TryGetValue(file, out var check), $"{file} has no model check; add one.");
        check(file);
    }

    [Fact]
    public void Every_check_names_an_existing_fixture()
    {
        var present = Directory.GetFiles(FixtureDirectory, "*.json").Select(Path.GetFileName).ToHashSet();
        Assert.All(Checks.Keys, key => Assert.Contains(key, present));
    }
}
