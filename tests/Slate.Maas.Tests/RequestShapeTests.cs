using Slate.Maas.Models;
using Slate.Maas.Tests.Support;

namespace Slate.Maas.Tests;

public sealed class RequestShapeTests
{
    private static readonly string MachineJson = TestClients.Fixture("maas37-example__machines__create-virsh-commissioning.json");

    [Fact]
    public async Task A_root_without_trailing_slash_reaches_the_api_2_0_version_endpoint()
    {
        await using var server = await FakeMaasServer.StartAsync(TestClients.Fixture("maas37-example__version.json"), MaasRoute.Get("version/"));
        using var client = new MaasClient(
            new MaasCredentials(new Uri(server.Root.ToString().TrimEnd('/')), TestClients.ApiKey));

        var version = await client.Version.GetAsync();

        Assert.Equal("/MAAS/api/2.0/version/", Assert.Single(server.Requests).Path);
        Assert.Equal("2.5.0 from source", version.Version);
    }

    [Fact]
    public async Task Machine_filters_are_sent_as_repeated_query_keys()
    {
        await using var server = await FakeMaasServer.StartAsync("[]", MaasRoute.Get("machines/",
            ("hostname", "node-1"), ("hostname", "node-2"), ("status", "ready"), ("status", "failed_commissioning")));
        using var client = TestClients.For(server);

        var machines = await client.Machines.ListAsync(new MachineFilter
        {
            Hostnames = ["node-1", "node-2"],
            Statuses = [MachineStatus.Ready, MachineStatus.FailedCommissioning],
        });

        Assert.Empty(machines);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/MAAS/api/2.0/machines/", request.Path);
        Assert.Equal(["node-1", "node-2"], request.Query["hostname"]);
        Assert.Equal(["ready", "failed_commissioning"], request.Query["status"]);
        Assert.False(request.Query.ContainsKey("op"));
    }

    [Fact]
    public async Task Create_posts_a_form_with_virsh_power_parameters_and_repeated_macs()
    {
        await using var server = await FakeMaasServer.StartAsync(MachineJson, MaasRoute.Post("machines/"));
        using var client = TestClients.For(server);

        var machine = await client.Machines.CreateAsync(new MachineCreate
        {
            Hostname = "compute-1",
            Architecture = "amd64/generic",
            MacAddresses = ["52:54:00:00:00:01", "52:54:00:00:00:02"],
            PowerAddress = "qemu+ssh://virsh@10.0.0.1/system",
            PowerId = "compute-1",
            PowerPass = new MaasSecret("libvirt-pw"),
        });

        Assert.Equal("p37gqk", machine.SystemId);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/MAAS/api/2.0/machines/", request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(["52:54:00:00:00:01", "52:54:00:00:00:02"], request.Form["mac_addresses"]);
        Assert.Equal(["virsh"], request.Form["power_type"]);
        Assert.Equal(["qemu+ssh://virsh@10.0.0.1/system"], request.Form["power_parameters_power_address"]);
        Assert.Equal(["compute-1"], request.Form["power_parameters_power_id"]);
        Assert.Equal(["libvirt-pw"], request.Form["power_parameters_power_pass"]);
        Assert.Equal(["true"], request.Form["commission"]);
        Assert.Empty(request.Query);
    }

    [Fact]
    public async Task Machine_operations_put_op_in_the_query_string()
    {
        await using var server = await FakeMaasServer.StartAsync(MachineJson,
            MaasRoute.Post("machines/p37gqk/", ("op", "commission")), MaasRoute.Post("machines/p37gqk/", ("op", "release")));
        using var client = TestClients.For(server);

        await client.Machines.CommissionAsync("p37gqk");
        await client.Machines.ReleaseAsync("p37gqk", "phase 00");

        Assert.Equal("/MAAS/api/2.0/machines/p37gqk/", server.Requests[0].Path);
        Assert.Equal(["commission"], server.Requests[0].Query["op"]);
        Assert.Equal(["release"], server.Requests[1].Query["op"]);
        Assert.Equal(["phase 00"], server.Requests[1].Form["comment"]);
    }

    [Fact]
    public async Task Delete_accepts_204_and_uses_the_object_path()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(204),
            MaasRoute.Delete("machines/abc123/"), MaasRoute.Delete("nodes/abc123/interfaces/17/"));
        using var client = TestClients.For(server);

        await client.Machines.DeleteAsync("abc123");
        await client.Interfaces.DeleteAsync("abc123", 17);

        Assert.Equal(("DELETE", "/MAAS/api/2.0/machines/abc123/"), (server.Requests[0].Method, server.Requests[0].Path));
        Assert.Equal("/MAAS/api/2.0/nodes/abc123/interfaces/17/", server.Requests[1].Path);
        Assert.Equal(2, client.RequestCount);
    }

    [Fact]
    public async Task Interface_writes_send_ids_and_mode_as_maas_expects()
    {
        await using var server = await FakeMaasServer.StartAsync(TestClients.Fixture("maas37-example__interfaces__create-bridge.json"),
            MaasRoute.Post("nodes/thr3am/interfaces/", ("op", "create_bridge")),
            MaasRoute.Post("nodes/thr3am/interfaces/", ("op", "create_vlan")),
            MaasRoute.Post("nodes/thr3am/interfaces/141/", ("op", "link_subnet")),
            MaasRoute.Post("nodes/thr3am/interfaces/141/", ("op", "unlink_subnet")));
        using var client = TestClients.For(server);

        var bridge = await client.Interfaces.CreateBridgeAsync("thr3am", "br-ex", 140, BridgeKind.Ovs, vlanId: 5001);
        await client.Interfaces.CreateVlanAsync("thr3am", 140, 5002);
        await client.Interfaces.LinkSubnetAsync("thr3am", 141, LinkMode.Static, 3, "10.0.0.5");
        await client.Interfaces.UnlinkSubnetAsync("thr3am", 141, 70);

        Assert.Equal("standard", bridge.Params!.BridgeType);
        var (create, vlan, link, unlink) = (server.Requests[0], server.Requests[1], server.Requests[2], server.Requests[3]);
        Assert.Equal("/MAAS/api/2.0/nodes/thr3am/interfaces/", create.Path);
        Assert.Equal(["create_bridge"], create.Query["op"]);
        Assert.Equal(["br-ex"], create.Form["name"]);
        Assert.Equal(["140"], create.Form["parent"]);
        Assert.Equal(["ovs"], create.Form["bridge_type"]);
        Assert.Equal(["5001"], create.Form["vlan"]);
        Assert.Equal(["create_vlan"], vlan.Query["op"]);
        Assert.Equal(["5002"], vlan.Form["vlan"]);
        Assert.Equal("/MAAS/api/2.0/nodes/thr3am/interfaces/141/", link.Path);
        Assert.Equal(["link_subnet"], link.Query["op"]);
        Assert.Equal(["STATIC"], link.Form["mode"]);
        Assert.Equal(["3"], link.Form["subnet"]);
        Assert.Equal(["10.0.0.5"], link.Form["ip_address"]);
        Assert.Equal(["unlink_subnet"], unlink.Query["op"]);
        Assert.Equal(["70"], unlink.Form["id"]);
    }

    /// <summary>
    /// The carve's other writes: PUT bridge_type (forms/interface.py BridgeInterfaceForm sets only the bridge_* given),
    /// create_vlan with a name, link_subnet with force (api/interfaces.py link_subnet), and GET op=ip_addresses (api/subnets.py).
    /// </summary>
    [Fact]
    public async Task Bridge_type_update_named_vlan_forced_link_and_subnet_addresses_are_shaped_as_maas_expects()
    {
        await using var server = await FakeMaasServer.StartAsync(TestClients.Fixture("maas37-example__interfaces__create-bridge.json"),
            MaasRoute.Put("nodes/thr3am/interfaces/140/"),
            MaasRoute.Post("nodes/thr3am/interfaces/", ("op", "create_vlan")),
            MaasRoute.Post("nodes/thr3am/interfaces/141/", ("op", "link_subnet")),
            MaasRoute.Get("subnets/3/", ("op", "ip_addresses")));
        using var client = TestClients.For(server);

        await client.Interfaces.UpdateBridgeTypeAsync("thr3am", 140, BridgeKind.Ovs);
        await client.Interfaces.CreateVlanAsync("thr3am", 140, 5002, "br-metal.103");
        await client.Interfaces.LinkSubnetAsync("thr3am", 141, LinkMode.Static, 3, "10.0.0.5", force: true);
        server.Responder = (_, _) => CannedResponse.Json("""[{"ip": "10.0.0.5", "alloc_type": 1, "node_summary": {"system_id": "thr3am", "hostname": "h", "via": "br-ex"}}]""");
        var addresses = await client.Subnets.ListAddressesAsync(3);

        var (put, vlan, link, read) = (server.Requests[0], server.Requests[1], server.Requests[2], server.Requests[3]);
        Assert.Equal(("PUT", "/MAAS/api/2.0/nodes/thr3am/interfaces/140/"), (put.Method, put.Path));
        Assert.Equal(["ovs"], put.Form["bridge_type"]);
        Assert.Equal(["br-metal.103"], vlan.Form["name"]);
        Assert.Equal(["true"], link.Form["force"]);
        Assert.Equal(("GET", "/MAAS/api/2.0/subnets/3/"), (read.Method, read.Path));
        Assert.Equal(["ip_addresses"], read.Query["op"]);
        Assert.Equal(("10.0.0.5", "thr3am", "br-ex"), (addresses[0].Ip, addresses[0].NodeSummary!.SystemId, addresses[0].NodeSummary!.Via));
    }

    [Fact]
    public async Task Maas_name_is_read_with_get_config()
    {
        await using var server = await FakeMaasServer.StartAsync("\"caracal\"", MaasRoute.Get("maas/", ("op", "get_config"), ("name", "maas_name")));
        using var client = TestClients.For(server);

        Assert.Equal("caracal", await client.Config.GetMaasNameAsync());
        var request = Assert.Single(server.Requests);
        Assert.Equal("/MAAS/api/2.0/maas/", request.Path);
        Assert.Equal(["get_config"], request.Query["op"]);
        Assert.Equal(["maas_name"], request.Query["name"]);
    }

    [Fact]
    public async Task Vlans_of_a_fabric_and_power_parameters_use_their_paths()
    {
        await using var server = await FakeMaasServer.StartAsync((request, _) => CannedResponse.Json(
            request.Path.Contains("vlans") ? TestClients.Fixture("maas37-example__fabrics__vlans-read.json") : "{}"),
            MaasRoute.Get("fabrics/10/vlans/"), MaasRoute.Get("machines/xs7qfn/", ("op", "power_parameters")));
        using var client = TestClients.For(server);

        var vlans = await client.Vlans.ListAsync(10);
        await client.Machines.GetPowerParametersAsync("xs7qfn");

        Assert.Equal(5014, Assert.Single(vlans).Id);
        Assert.Equal("/MAAS/api/2.0/fabrics/10/vlans/", server.Requests[0].Path);
        Assert.Equal("/MAAS/api/2.0/machines/xs7qfn/", server.Requests[1].Path);
        Assert.Equal(["power_parameters"], server.Requests[1].Query["op"]);
    }

    [Fact]
    public async Task Power_parameters_of_several_machines_are_one_call_with_repeated_ids()
    {
        const string body = """{"dypesm": {"power_id": "driven-bat"}, "xs7qfn": {"power_id": "nice-shad", "power_pass": "pw"}}""";
        await using var server = await FakeMaasServer.StartAsync(body,
            MaasRoute.Get("machines/", ("op", "power_parameters"), ("id", "dypesm"), ("id", "xs7qfn")));
        using var client = TestClients.For(server);

        var all = await client.Machines.ListPowerParametersAsync(["dypesm", "xs7qfn"]);

        Assert.Equal("nice-shad", all["xs7qfn"].PowerId);
        Assert.Equal(["dypesm", "xs7qfn"], Assert.Single(server.Requests).Query["id"]);
        await Assert.ThrowsAsync<ArgumentException>(() => client.Machines.ListPowerParametersAsync([]));
    }

    [Fact]
    public async Task Compose_posts_to_the_vm_host_and_returns_the_new_system_id()
    {
        await using var server = await FakeMaasServer.StartAsync("""{"system_id": "wdpx3n", "resource_uri": "/MAAS/api/2.0/machines/wdpx3n/"}""",
            MaasRoute.Post("vm-hosts/3/", ("op", "compose")));
        using var client = TestClients.For(server);

        var composed = await client.VmHosts.ComposeAsync(3, "juju-1", 2, 4096);

        Assert.Equal("wdpx3n", composed.SystemId);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("/MAAS/api/2.0/vm-hosts/3/", "compose"), (request.Path, request.Query["op"][0]));
        Assert.Equal(["4096"], request.Form["memory"]);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_dot_segment_id_is_refused_before_it_can_address_another_resource(string id)
    {
        // machines/../ would resolve to the API root, nodes/../interfaces/3/ to another path: never send those.
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(204), MaasRoute.Delete("machines/"));
        using var client = TestClients.For(server);

        await Assert.ThrowsAsync<ArgumentException>(() => client.Machines.DeleteAsync(id));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Interfaces.DeleteAsync(id, 3));
        Assert.Empty(server.Requests);
    }
}
