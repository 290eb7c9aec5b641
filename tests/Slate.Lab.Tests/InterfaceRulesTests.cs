using System.Net;
using System.Text.Json.Nodes;

namespace Slate.Lab.Tests;

/// <summary>The interface rows of issue 16, each following the MAAS source file it names.</summary>
public sealed class InterfaceRulesTests : LabTestClass
{
    /// <summary>models/interface.py: a STATIC link to an address in use raises StaticIPAddressUnavailable (404).</summary>
    [Fact]
    public async Task A_static_link_to_an_address_in_use_is_404_with_the_maas_text()
    {
        var id = await Lab.CreateReadyMachineAsync("vm-ip", "52:54:00:ee:02:01", "52:54:00:ee:02:02");
        await Lab.MoveToPlaneAsync(id, "enp2s0", "10.12.16.0/22");
        var data = await InterfaceAsync(id, "enp2s0");
        var subnet = Lab.Cloud.Networks.FindSubnet("10.12.16.0/22")!;

        var (status, body) = await Lab.SendAsync(HttpMethod.Post, $"nodes/{id}/interfaces/{data["id"]}/?op=link_subnet",
            ("mode", "STATIC"), ("subnet", subnet.Id.ToString()), ("ip_address", "10.12.16.10")); // openstack0's

        Assert.Equal((HttpStatusCode.NotFound, "IP address is already in use."), (status, body));
    }

    /// <summary>forms/interface.py clean_interface_name_uniqueness: "Node {node} already has an interface named '{name}'.".</summary>
    [Fact]
    public async Task A_duplicate_interface_name_names_the_node_as_maas_prints_it()
    {
        var id = await Lab.CreateReadyMachineAsync("vm-name", "52:54:00:ee:02:03");
        var boot = await InterfaceAsync(id, "enp1s0");

        var (status, body) = await Lab.SendAsync(HttpMethod.Post, $"nodes/{id}/interfaces/?op=create_bridge",
            ("name", "enp1s0"), ("parent", boot["id"]!.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"Node {id} (vm-name) already has an interface named 'enp1s0'.", (string?)JsonNode.Parse(body)!["name"]![0]);
    }

    /// <summary>models/signals/interfaces.py delete_children_interface_handler: a child whose last parent goes is deleted too.</summary>
    [Fact]
    public async Task Deleting_an_interface_deletes_the_children_it_orphans_recursively()
    {
        var id = await Lab.CreateReadyMachineAsync("vm-tree", "52:54:00:ee:02:04", "52:54:00:ee:02:05");
        var boot = await InterfaceAsync(id, "enp1s0");
        var bridge = await Lab.PostJsonAsync($"nodes/{id}/interfaces/?op=create_bridge", ("name", "br-metal"), ("parent", boot["id"]!.ToString()));
        var tagged = Lab.Cloud.Networks.Vlans.Single(v => v.Vid == 103);
        var vlan = await Lab.PostJsonAsync($"nodes/{id}/interfaces/?op=create_vlan", ("parent", bridge["id"]!.ToString()), ("vlan", tagged.Id.ToString()));
        await Lab.PostJsonAsync($"nodes/{id}/interfaces/?op=create_bridge", ("name", "br-internal"), ("parent", vlan["id"]!.ToString()));

        var (status, _) = await Lab.SendAsync(HttpMethod.Delete, $"nodes/{id}/interfaces/{boot["id"]}/");

        Assert.Equal(HttpStatusCode.NoContent, status);
        var names = (await Lab.GetJsonAsync($"nodes/{id}/interfaces/")).AsArray().Select(i => (string)i!["name"]!);
        Assert.Equal(["enp2s0"], names);
        Assert.Contains(Lab.Cloud.Events, e => e.Message.EndsWith("br-internal has been deleted; orphaned by br-metal.103.", StringComparison.Ordinal));
        // The name is free again: no parentless leftover collides.
        await Lab.PostJsonAsync($"nodes/{id}/interfaces/?op=create_bridge", ("name", "br-metal"),
            ("parent", (await InterfaceAsync(id, "enp2s0"))["id"]!.ToString()));
    }

    /// <summary>forms/interface.py BondInterfaceForm: parents move under the bond; a parent with a child is refused by name (get_delinquent_children).</summary>
    [Fact]
    public async Task Create_bond_takes_its_parents_and_refuses_a_parent_already_in_use()
    {
        var id = await Lab.CreateReadyMachineAsync("vm-bond", "52:54:00:ee:02:06", "52:54:00:ee:02:07", "52:54:00:ee:02:08");
        var a = await InterfaceAsync(id, "enp2s0");
        var b = await InterfaceAsync(id, "enp3s0");

        var bond = await Lab.PostJsonAsync($"nodes/{id}/interfaces/?op=create_bond", ("name", "bond0"),
            ("parents", a["id"]!.ToString()), ("parents", b["id"]!.ToString()), ("bond_mode", "802.3ad"));

        Assert.Equal("bond", (string?)bond["type"]);
        Assert.Equal("802.3ad", (string?)bond["params"]!["bond_mode"]);
        Assert.Equal(["enp2s0", "enp3s0"], bond["parents"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("52:54:00:ee:02:07", (string?)bond["mac_address"]);
        var (status, body) = await Lab.SendAsync(HttpMethod.Post, $"nodes/{id}/interfaces/?op=create_bond", ("name", "bond1"),
            ("parents", a["id"]!.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Interfaces already in-use: enp2s0.", (string?)JsonNode.Parse(body)!["parents"]![0]);
    }

    /// <summary>api/interfaces.py set_default_gateway + forms/interface_link.py InterfaceSetDefaultGatwayForm.</summary>
    [Fact]
    public async Task Set_default_gateway_picks_the_interfaces_link_and_refuses_an_interface_without_one()
    {
        var id = await Lab.CreateReadyMachineAsync("vm-gw", "52:54:00:ee:02:09", "52:54:00:ee:02:0a");
        var boot = await InterfaceAsync(id, "enp1s0");
        var data = await InterfaceAsync(id, "enp2s0");

        await Lab.PostJsonAsync($"nodes/{id}/interfaces/{boot["id"]}/?op=set_default_gateway");

        var machine = await Lab.GetJsonAsync($"machines/{id}/");
        Assert.Equal("10.12.8.1", (string?)machine["default_gateways"]!["ipv4"]!["gateway_ip"]);
        Assert.Equal((int)boot["links"]![0]!["id"]!, (int)machine["default_gateways"]!["ipv4"]!["link_id"]!);
        var (status, body) = await Lab.SendAsync(HttpMethod.Post, $"nodes/{id}/interfaces/{data["id"]}/?op=set_default_gateway");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("This interface has no usable gateways.", (string?)JsonNode.Parse(body)!["__all__"]![0]);
    }

    private async Task<JsonNode> InterfaceAsync(string systemId, string name) =>
        (await Lab.GetJsonAsync($"nodes/{systemId}/interfaces/")).AsArray().Single(i => (string?)i!["name"] == name)!;
}
