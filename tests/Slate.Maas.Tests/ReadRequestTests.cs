using Slate.Maas.Models;
using Slate.Maas.Tests.Support;

namespace Slate.Maas.Tests;

/// <summary>
/// Each read reaches the exact path, op and filter keys MAAS serves: the fake answers 404 to anything else. Filter keys
/// are ReadNodesForm's (canonical/maas src/maasserver/node_constraint_filter_forms.py: id, hostname, mac_address, zone,
/// pool, tags, status), read as repeated query keys.
/// </summary>
public sealed class ReadRequestTests
{
    [Fact]
    public async Task Every_machine_filter_is_sent_under_the_key_maas_reads()
    {
        await using var server = await FakeMaasServer.StartAsync("[]", MaasRoute.Get("machines/",
            ("id", "abc123"), ("id", "def456"), ("mac_address", "52:54:00:00:00:01"), ("zone", "az1"),
            ("pool", "openstack"), ("tags", "virtual"), ("tags", "ceph")));
        using var client = TestClients.For(server);

        var machines = await client.Machines.ListAsync(new MachineFilter
        {
            SystemIds = ["abc123", "def456"],
            MacAddresses = ["52:54:00:00:00:01"],
            Zones = ["az1"],
            Pools = ["openstack"],
            Tags = ["virtual", "ceph"],
        });

        Assert.Empty(machines);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_unfiltered_machine_list_sends_no_query()
    {
        await using var server = await FakeMaasServer.StartAsync("[]", MaasRoute.Get("machines/"));
        using var client = TestClients.For(server);

        Assert.Empty(await client.Machines.ListAsync());
        Assert.Empty(Assert.Single(server.Requests).Query);
    }

    [Fact]
    public async Task One_machine_is_read_from_its_object_path()
    {
        await using var server = await FakeMaasServer.StartAsync(
            TestClients.Fixture("maas37-example__machines__create-virsh-commissioning.json"), MaasRoute.Get("machines/p37gqk/"));
        using var client = TestClients.For(server);

        Assert.Equal("p37gqk", (await client.Machines.GetAsync("p37gqk")).SystemId);
    }

    [Fact]
    public async Task A_system_id_is_escaped_into_one_path_segment()
    {
        await using var server = await FakeMaasServer.StartAsync(
            TestClients.Fixture("maas37-example__machines__create-virsh-commissioning.json"), MaasRoute.Get("machines/a%2Fb/"));
        using var client = TestClients.For(server);

        await client.Machines.GetAsync("a/b");

        Assert.Equal("/MAAS/api/2.0/machines/a%2Fb/", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task The_power_state_is_queried_with_its_op()
    {
        await using var server = await FakeMaasServer.StartAsync("""{"state": "off"}""",
            MaasRoute.Get("machines/xs7qfn/", ("op", "query_power_state")));
        using var client = TestClients.For(server);

        Assert.Equal("off", (await client.Machines.QueryPowerStateAsync("xs7qfn")).State);
    }

    [Fact]
    public async Task Power_parameters_are_read_from_the_machine_with_their_op()
    {
        await using var server = await FakeMaasServer.StartAsync("""{"power_id": "compute-1", "power_pass": "pw"}""",
            MaasRoute.Get("machines/xs7qfn/", ("op", "power_parameters")));
        using var client = TestClients.For(server);

        var parameters = await client.Machines.GetPowerParametersAsync("xs7qfn");

        Assert.Equal(("compute-1", "pw"), (parameters.PowerId, parameters.PowerPass!.Reveal()));
    }

    [Fact]
    public async Task A_vm_hosts_parameters_are_read_from_the_vm_host()
    {
        await using var server = await FakeMaasServer.StartAsync("""{"power_address": "qemu+ssh://virsh@10.0.0.1/system", "power_pass": "pw"}""",
            MaasRoute.Get("vm-hosts/7/", ("op", "parameters")));
        using var client = TestClients.For(server);

        var parameters = await client.VmHosts.GetParametersAsync(7);

        Assert.Equal("qemu+ssh://virsh@10.0.0.1/system", parameters.PowerAddress);
    }

    [Fact]
    public async Task The_network_and_vm_host_lists_each_read_their_collection()
    {
        await using var server = await FakeMaasServer.StartAsync(
            (request, _) => CannedResponse.Json(request.Path.EndsWith("/interfaces/", StringComparison.Ordinal)
                ? TestClients.Fixture("maas37-example__interfaces__read.json")
                : request.Path.EndsWith("/vm-hosts/", StringComparison.Ordinal)
                    ? TestClients.Fixture("maas37-example__vm-hosts__read.json")
                    : "[]"),
            MaasRoute.Get("spaces/"), MaasRoute.Get("subnets/"), MaasRoute.Get("fabrics/"), MaasRoute.Get("vm-hosts/"),
            MaasRoute.Get("nodes/thr3am/interfaces/"));
        using var client = TestClients.For(server);

        Assert.Empty(await client.Spaces.ListAsync());
        Assert.Empty(await client.Subnets.ListAsync());
        Assert.Empty(await client.Fabrics.ListAsync());
        Assert.NotEmpty(await client.VmHosts.ListAsync());
        Assert.NotEmpty(await client.Interfaces.ListAsync("thr3am"));
        Assert.Equal(5, server.Requests.Count);
    }

    [Fact]
    public async Task A_request_outside_the_pinned_routes_is_answered_404_as_maas_answers_an_unknown_url()
    {
        await using var server = await FakeMaasServer.StartAsync("[]", MaasRoute.Get("machines/", ("hostname", "a")));
        using var client = TestClients.For(server);

        await Assert.ThrowsAsync<Errors.MaasNotFoundException>(
            () => client.Machines.ListAsync(new MachineFilter { Hostnames = ["b"] }));
    }
}
