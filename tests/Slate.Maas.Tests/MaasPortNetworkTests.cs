using Slate.Maas.Ports;
using Slate.Maas.Tests.Support;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Maas.Tests;

/// <summary>
/// The port's network side and re-enrolment over HTTP: MAAS's answers become the runbook's records ("undefined" is no
/// space, MAAS's synthetic undefined space is dropped), the writes reach the paths MAAS serves, and each client failure
/// becomes the one MaasFailure the steps reason about.
/// </summary>
public sealed class MaasPortNetworkTests
{
    private const string SpacesWithUndefined = """
        [{"id": 2, "name": "internal", "subnets": [{"id": 3, "cidr": "172.16.3.0/24"}, {"id": 4, "cidr": "172.16.4.0/24"}]},
         {"id": -1, "name": "undefined", "subnets": [{"id": 9, "cidr": "10.10.0.0/24"}]}]
        """;

    [Fact]
    public async Task The_topology_is_four_reads_and_undefined_spaces_vlanless_subnets_and_the_synthetic_space_are_left_out()
    {
        var subnets = TestClients.Fixture("maas37-example__subnets__read.json").TrimEnd().TrimEnd(']') +
                      """, {"id": 8, "cidr": "10.9.0.0/24", "vlan": null, "space": "undefined"},""" +
                      """ {"id": 9, "cidr": "10.10.0.0/24", "vlan": {"id": 7000, "vid": 0, "fabric": "fabric-old"}, "space": "undefined"}]""";
        await using var server = await FakeMaasServer.StartAsync((request, _) => CannedResponse.Json(request.Path switch
            {
                "/MAAS/api/2.0/fabrics/" => TestClients.Fixture("maas37-example__fabrics__read.json"),
                "/MAAS/api/2.0/subnets/" => subnets,
                "/MAAS/api/2.0/ipranges/" => IpRanges,
                _ => SpacesWithUndefined,
            }),
            MaasRoute.Get("fabrics/"), MaasRoute.Get("subnets/"), MaasRoute.Get("spaces/"), MaasRoute.Get("ipranges/"));
        using var client = TestClients.For(server);

        var topology = await new MaasPort(client).ReadTopologyAsync(CancellationToken.None);

        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(14, topology.Fabrics.Count);
        Assert.Equal([new MaasVlan(5001, 0, 0, "fabric-0", "management"), new MaasVlan(5002, 10, 0, "fabric-0", "internal")], topology.Fabrics[0].Vlans);
        Assert.Equal(new MaasVlan(5006, 567, 2, "fabric-2", null), topology.VlanOn(2, 567));
        Assert.Equal(["172.16.1.0/24", "172.16.2.0/24", "172.16.3.0/24", "172.16.4.0/24", "2001:db8:42::/64", "192.168.122.0/24", "172.16.99.0/24", "10.10.0.0/24"],
            topology.Subnets.Select(s => s.Cidr));
        Assert.Equal(new MaasSubnet(3, "172.16.3.0/24", new MaasVlan(5002, 10, 0, "fabric-0", "internal"), "internal"), topology.SubnetWithCidr("172.16.3.0/24"));
        Assert.Equal(new MaasSubnet(9, "10.10.0.0/24", new MaasVlan(7000, 0, -1, "fabric-old", null), null), topology.SubnetWithCidr("10.10.0.0/24"));
        var space = Assert.Single(topology.Spaces);
        Assert.Equal((2, "internal"), (space.Id, space.Name));
        Assert.Equal(["172.16.3.0/24", "172.16.4.0/24"], space.Cidrs);
        Assert.Equal([new MaasIpRange(1, false, 1, AddressRange.Parse("172.16.1.200-172.16.1.210")!, "vips"),
            new MaasIpRange(2, true, 1, AddressRange.Parse("172.16.1.100-172.16.1.150")!, "")], topology.Ranges);
        Assert.True(topology.RangeHolding(1, System.Net.IPAddress.Parse("172.16.1.120"))!.Dynamic);
        Assert.Null(topology.RangeHolding(2, System.Net.IPAddress.Parse("172.16.1.120")));
    }

    /// <summary>api/ipranges.py (MAAS's own example, exkey ipranges-read); an IPv6 range and one without a subnet are left out.</summary>
    private const string IpRanges = """
        [{"id": 1, "type": "reserved", "start_ip": "172.16.1.200", "end_ip": "172.16.1.210", "comment": "vips", "subnet": {"id": 1, "cidr": "172.16.1.0/24"}},
         {"id": 2, "type": "dynamic", "start_ip": "172.16.1.100", "end_ip": "172.16.1.150", "comment": "", "subnet": {"id": 1, "cidr": "172.16.1.0/24"}},
         {"id": 3, "type": "dynamic", "start_ip": "2001:db8:42::10", "end_ip": "2001:db8:42::ff", "comment": "", "subnet": {"id": 5, "cidr": "2001:db8:42::/64"}},
         {"id": 4, "type": "reserved", "start_ip": "10.0.0.1", "end_ip": "10.0.0.9", "comment": ""}]
        """;

    [Fact]
    public async Task An_address_held_by_a_node_names_it_and_a_reservation_names_no_one()
    {
        await using var server = await FakeMaasServer.StartAsync("""
            [{"ip": "10.12.16.10", "alloc_type": 1, "node_summary": {"system_id": "abc123", "hostname": "openstack0", "via": "enp8s0"}},
             {"ip": "10.12.16.20", "alloc_type": 6, "node_summary": {"system_id": "dev001", "node_type": 1, "hostname": "juju-lxd-1", "via": "eth0"}},
             {"ip": "10.12.16.99", "alloc_type": 4, "user": "admin"}]
            """, MaasRoute.Get("subnets/4/", ("op", "ip_addresses")));
        using var client = TestClients.For(server);

        var addresses = await new MaasPort(client).ListSubnetAddressesAsync(4, CancellationToken.None);

        Assert.Equal([new MaasAddress("10.12.16.10", "abc123", "openstack0", "enp8s0"),
            new MaasAddress("10.12.16.20", "dev001", "juju-lxd-1", "eth0", MaasAddressKind.Discovered, MaasNodeKind.Device),
            new MaasAddress("10.12.16.99", null, null, null, MaasAddressKind.UserReserved)], addresses);
    }

    [Fact]
    public async Task The_carves_writes_reach_the_interfaces_of_the_machine_and_answer_the_interface_as_maas_now_has_it()
    {
        var bridge = TestClients.Fixture("maas37-example__interfaces__create-bridge.json");
        var linked = """
            {"id": 3, "name": "enp8s0", "type": "physical", "parents": [], "mac_address": "52:54:00:00:00:03", "params": "",
             "vlan": {"id": 5004, "vid": 0, "fabric": "fabric-2", "fabric_id": 2, "space": "undefined"},
             "links": [{"id": 70, "mode": "static", "ip_address": "10.12.16.10", "subnet": {"id": 4, "cidr": "10.12.16.0/22"}},
                       {"id": 71, "mode": "link_up"}]}
            """;
        await using var server = await FakeMaasServer.StartAsync((request, _) => request.Method == "DELETE" ? new CannedResponse(204)
                : CannedResponse.Json(request.Path.EndsWith("/3/", StringComparison.Ordinal) ? linked : bridge),
            MaasRoute.Post("nodes/abc123/interfaces/", ("op", "create_bridge")),
            MaasRoute.Post("nodes/abc123/interfaces/", ("op", "create_vlan")),
            MaasRoute.Put("nodes/abc123/interfaces/141/"),
            MaasRoute.Put("nodes/abc123/interfaces/3/"),
            MaasRoute.Post("nodes/abc123/interfaces/3/", ("op", "link_subnet")),
            MaasRoute.Post("nodes/abc123/interfaces/3/", ("op", "unlink_subnet")),
            MaasRoute.Delete("nodes/abc123/interfaces/141/"));
        using var client = TestClients.For(server);
        using var port = new MaasPort(client);

        var created = await port.CreateBridgeAsync("abc123", "br-ex", 1, "ovs", CancellationToken.None);
        await port.CreateBridgeAsync("abc123", "br-metal", 2, "standard", CancellationToken.None);
        await port.CreateVlanInterfaceAsync("abc123", "br-metal.103", 141, 5003, CancellationToken.None);
        await port.SetBridgeTypeAsync("abc123", 141, "standard", CancellationToken.None);
        var link = await port.LinkStaticAsync("abc123", 3, 4, "10.12.16.10", force: false, CancellationToken.None);
        await port.UnlinkAsync("abc123", 3, 70, CancellationToken.None);
        await port.DeleteInterfaceAsync("abc123", 141, CancellationToken.None);
        await port.SetVlanAsync("abc123", 3, 5004, CancellationToken.None);

        var requests = server.Requests;
        Assert.Equal(8, requests.Count);
        Assert.Equal(("PUT", "/MAAS/api/2.0/nodes/abc123/interfaces/3/", "5004"), (requests[7].Method, requests[7].Path, requests[7].Form["vlan"][0]));
        Assert.Equal([["br-ex", "1", "ovs"], ["br-metal", "2", "standard"]],
            requests.Take(2).Select(r => new[] { r.Form["name"][0], r.Form["parent"][0], r.Form["bridge_type"][0] }));
        Assert.False(requests[0].Form.ContainsKey("vlan"));
        Assert.Equal(("br-metal.103", "141", "5003"), (requests[2].Form["name"][0], requests[2].Form["parent"][0], requests[2].Form["vlan"][0]));
        Assert.Equal(["standard"], requests[3].Form["bridge_type"]);
        Assert.Equal(["STATIC", "4", "10.12.16.10"], [requests[4].Form["mode"][0], requests[4].Form["subnet"][0], requests[4].Form["ip_address"][0]]);
        Assert.False(requests[4].Form.ContainsKey("force"));
        Assert.Equal(["70"], requests[5].Form["id"]);
        Assert.Equal((141, "br1", "bridge", "00:11:22:33:44:55", "standard"), (created.Id, created.Name, created.Type, created.MacAddress, created.BridgeType));
        Assert.Equal(["eth1"], created.Parents);
        Assert.Empty(created.Links);
        Assert.Null(created.Vlan);
        Assert.Null(link.BridgeType);
        Assert.Equal(new MaasVlan(5004, 0, 2, "fabric-2", null), link.Vlan);
        Assert.Equal([new MaasLink(70, "static", "10.12.16.0/22", "10.12.16.10", 4), new MaasLink(71, "link_up", null, null, null)], link.Links);
    }

    [Fact]
    public async Task A_bridge_maas_answers_without_params_is_a_standard_bridge()
    {
        await using var server = await FakeMaasServer.StartAsync("""{"id": 9, "name": "br0", "type": "bridge", "parents": ["eth0"], "params": "", "links": []}""",
            MaasRoute.Post("nodes/abc123/interfaces/", ("op", "create_bridge")));
        using var client = TestClients.For(server);

        var created = await new MaasPort(client).CreateBridgeAsync("abc123", "br0", 1, "standard", CancellationToken.None);

        Assert.Equal("standard", created.BridgeType);
        Assert.Null(created.Vlan);
    }

    [Fact]
    public async Task An_enlistment_posts_one_boot_mac_with_virsh_power_and_reads_back_lowercase_macs_and_the_status_message()
    {
        var answer = TestClients.Fixture("maas37-example__machines__create-virsh-commissioning.json").Replace("01:02:03:04:05:06", "52:54:00:AB:CD:EF", StringComparison.Ordinal);
        await using var server = await FakeMaasServer.StartAsync(answer, MaasRoute.Post("machines/"));
        using var client = TestClients.For(server);

        var enlisted = await new MaasPort(client).EnlistMachineAsync(
            new MachineEnlistment("openstack0", "amd64/generic", "52:54:00:ab:cd:ef", new VirshPower("qemu+ssh://u@10.12.8.1/system", "openstack0", new SecretText("pw-1"))),
            CancellationToken.None);

        var form = Assert.Single(server.Requests).Form;
        Assert.Equal(["openstack0"], form["hostname"]);
        Assert.Equal(["amd64/generic"], form["architecture"]);
        Assert.Equal(["52:54:00:ab:cd:ef"], form["mac_addresses"]);
        Assert.Equal(["qemu+ssh://u@10.12.8.1/system"], form["power_parameters_power_address"]);
        Assert.Equal(["openstack0"], form["power_parameters_power_id"]);
        Assert.Equal(["pw-1"], form["power_parameters_power_pass"]);
        Assert.Equal(("p37gqk", "ready-badger", "Commissioning", "From 'New' to 'Commissioning'"), (enlisted.SystemId, enlisted.Hostname, enlisted.StatusName, enlisted.StatusMessage));
        Assert.Equal(["52:54:00:ab:cd:ef"], enlisted.Macs);
    }

    [Fact]
    public async Task Setting_virsh_power_puts_the_parameters_in_the_body_and_commissioning_reads_back_the_power_state()
    {
        var machine = TestClients.Fixture("maas37-example__machines__commission-pod-machine.json");
        await using var server = await FakeMaasServer.StartAsync((_, _) => CannedResponse.Json(machine),
            MaasRoute.Put("machines/8bk8nn/"), MaasRoute.Post("machines/8bk8nn/", ("op", "commission")));
        using var client = TestClients.For(server);
        var port = new MaasPort(client);

        await port.SetVirshPowerAsync("8bk8nn", new VirshPower("qemu+ssh://u@10.12.8.1/system", "openstack0", new SecretText("pw-2")), CancellationToken.None);
        var commissioned = await port.CommissionAsync("8bk8nn", CancellationToken.None);

        var put = server.Requests[0];
        Assert.Equal(["virsh"], put.Form["power_type"]);
        Assert.Equal(["qemu+ssh://u@10.12.8.1/system"], put.Form["power_parameters_power_address"]);
        Assert.Equal(["openstack0"], put.Form["power_parameters_power_id"]);
        Assert.Equal(["pw-2"], put.Form["power_parameters_power_pass"]);
        Assert.DoesNotContain(put.Query.Values.SelectMany(v => v), v => v.Contains("pw-2", StringComparison.Ordinal));
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(("8bk8nn", "off"), (commissioned.SystemId, commissioned.PowerState));
    }

    [Fact]
    public async Task Machines_are_found_by_mac_in_filtered_reads_of_fifty()
    {
        var macs = Enumerable.Range(0, 51).Select(i => $"52:54:00:00:00:{i:x2}").ToArray();
        var machine = TestClients.Fixture("maas37-example__machines__commission-pod-machine.json");
        await using var server = await FakeMaasServer.StartAsync((_, index) => CannedResponse.Json(index == 1 ? $"[{machine}]" : "[]"),
            MaasRoute.Get("machines/", [.. macs[..50].Select(m => ("mac_address", m))]),
            MaasRoute.Get("machines/", ("mac_address", macs[50])));
        using var client = TestClients.For(server);

        var found = await new MaasPort(client).FindMachinesByMacAsync(macs, CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        var only = Assert.Single(found);
        Assert.Equal(("8bk8nn", "clever-turkey"), (only.SystemId, only.Hostname));
        Assert.Equal(["52:54:00:e8:4e:f2"], only.Macs);
    }

    [Theory]
    [InlineData(404, MaasFailure.NotFound)]
    [InlineData(401, MaasFailure.Unauthorized)]
    [InlineData(409, MaasFailure.Refused)]
    [InlineData(400, MaasFailure.Refused)]
    [InlineData(503, MaasFailure.Unreachable)]
    [InlineData(504, MaasFailure.OutcomeUnknown)]
    public async Task Each_answer_to_a_write_becomes_the_failure_the_steps_reason_about(int status, MaasFailure failure)
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(status, "no"), MaasRoute.Delete("machines/abc123/"));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasException>(() => new MaasPort(client).DeleteMachineAsync("abc123", CancellationToken.None));

        Assert.Equal(failure, error.Failure);
        Assert.Contains("DELETE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_to_a_closed_port_is_unreachable_and_nothing_was_changed()
    {
        using var client = new MaasClient(new MaasCredentials(TestClients.ClosedLoopbackRoot(), TestClients.ApiKey),
            new MaasClientOptions { TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(), RequestTimeout = TimeSpan.FromSeconds(30) });

        var error = await Assert.ThrowsAsync<MaasException>(() => new MaasPort(client).DeleteInterfaceAsync("abc123", 3, CancellationToken.None));

        Assert.Equal(MaasFailure.Unreachable, error.Failure);
    }
}
