using System.Text.Json.Nodes;

namespace Slate.Lab.Tests.Juju;

/// <summary>
/// The lab's `status` and `models` documents carry the fields a real juju 3.x prints: every key of the real capture
/// (Fixtures/charmed-openstack-upgrader__tests__unit__jujustatus.json, juju 3.4.2) at each level, and the storage
/// block in the shape of juju's CombinedStorage (cmd/juju/storage/list.go, volume.go).
/// </summary>
public class LabJujuDocumentShapeTests
{
    // Keys the real formatter omits when empty or that describe things the lab does not have (charm upgrades,
    // workload versions, opened ports, gateways).
    private static readonly HashSet<string> Optional = ["can-upgrade-to", "version", "charm-version", "open-ports", "gateway"];

    private static readonly Lazy<JsonNode> Real = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "charmed-openstack-upgrader__tests__unit__jujustatus.json")))!);

    [Fact]
    public async Task Status_has_every_key_of_a_real_juju_status_at_every_level()
    {
        await using var lab = await LabJujuHarness.StartAsync();
        var status = (await lab.RunAsync("status", "-m", "openstack", "--format=json")).Json();
        var real = Real.Value;

        AssertKeys(real, status, "top level");
        AssertKeys(real["model"]!, status["model"]!, "model");
        AssertKeys(real["model"]!["model-status"]!, status["model"]!["model-status"]!, "model-status");
        var realMachine = real["machines"]!["0"]!;
        var machine = status["machines"]!["0"]!;
        AssertKeys(realMachine, machine, "machine");
        foreach (var block in new[] { "juju-status", "machine-status", "modification-status", "base" })
            AssertKeys(realMachine[block]!, machine[block]!, $"machine {block}");
        AssertKeys(realMachine["network-interfaces"]!["ens3"]!, machine["network-interfaces"]!.AsObject().First().Value!, "network interface");
        var realApplication = real["applications"]!["keystone"]!;
        var application = status["applications"]!["keystone"]!;
        AssertKeys(realApplication, application, "application");
        AssertKeys(realApplication["application-status"]!, application["application-status"]!, "application-status");
        AssertKeys(real["applications"]!["keystone-mysql-router"]!, status["applications"]!["keystone-mysql-router"]!, "subordinate application");
        var realUnit = realApplication["units"]!.AsObject().First().Value!;
        var unit = application["units"]!["keystone/0"]!;
        AssertKeys(realUnit, unit, "unit");
        AssertKeys(realUnit["workload-status"]!, unit["workload-status"]!, "workload-status");
        AssertKeys(realUnit["juju-status"]!, unit["juju-status"]!, "unit juju-status");
        AssertKeys(realUnit["subordinates"]!.AsObject().First().Value!, unit["subordinates"]!["keystone-mysql-router/0"]!, "subordinate unit");
    }

    [Fact]
    public async Task Status_shows_the_machines_nics_by_plane_the_bindings_and_the_osd_storage()
    {
        await using var lab = await LabJujuHarness.StartAsync();
        var status = (await lab.RunAsync("status", "-m", "openstack", "--format=json")).Json();

        var nics = status["machines"]!["1"]!["network-interfaces"]!.AsObject();
        Assert.Equal("provider-public", (string?)nics["br-ex"]!["space"]);
        Assert.Equal(["10.12.4.11"], nics["br-ex"]!["ip-addresses"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("storage", (string?)nics["enp9s0"]!["space"]);
        var provider = lab.Cloud.Machines.FindByHostname("openstack1")!.Interfaces.Single(i => i.Name == "br-ex").MacAddress;
        Assert.Equal(provider, (string?)nics["br-ex"]!["mac-address"]);

        var bindings = status["applications"]!["keystone"]!["endpoint-bindings"]!;
        Assert.Equal("alpha", (string?)bindings[""]);
        Assert.Equal("provider-public", (string?)bindings["public"]);
        Assert.Equal("alpha", (string?)bindings["shared-db"]);

        var storage = status["storage"]!;
        var osd = storage["storage"]!["osd-devices/2"]!;
        Assert.Equal("block", (string?)osd["kind"]);
        Assert.True((bool)osd["persistent"]!);
        Assert.Equal("attached", (string?)osd["status"]!["current"]);
        Assert.Equal("2", (string?)osd["attachments"]!["units"]!["ceph-osd/2"]!["machine"]);
        Assert.Equal("/dev/vdb", (string?)osd["attachments"]!["units"]!["ceph-osd/2"]!["location"]);
        var volume = storage["volumes"]!["2"]!;
        Assert.Equal("osd-devices/2", (string?)volume["storage"]);
        Assert.Equal(lab.Cloud.Site.Osd.SizeBytes / (1024 * 1024), (long)volume["size"]!);
        Assert.Equal("vdb", (string?)volume["attachments"]!["machines"]!["2"]!["device"]);
    }

    [Fact]
    public async Task Models_carry_the_controller_uuid_which_is_the_controller_models_uuid()
    {
        await using var lab = await LabJujuHarness.StartAsync();
        var models = (await lab.RunAsync("models", "--format=json")).Json()["models"]!.AsArray();

        Assert.All(models, m => Assert.Equal(lab.Juju.Uuid, (string?)m!["controller-uuid"]));
        Assert.Equal(lab.Juju.Uuid, (string?)models.Single(m => (bool)m!["is-controller"]!)!["model-uuid"]);
        Assert.NotEqual(lab.Juju.Uuid, lab.Juju.Get(null, "openstack").Uuid);
        Assert.All(models, m => Assert.Matches(@"^\d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\dZ$", (string?)m!["status"]!["since"]));
    }

    private static void AssertKeys(JsonNode real, JsonNode lab, string where)
    {
        var missing = real.AsObject().Select(p => p.Key).Where(k => !Optional.Contains(k)).Except(lab.AsObject().Select(p => p.Key)).ToList();
        Assert.True(missing.Count == 0, $"{where} lacks {string.Join(", ", missing)}");
    }
}
