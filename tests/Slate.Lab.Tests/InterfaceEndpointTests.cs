using System.Net;
using System.Text.Json.Nodes;

namespace Slate.Lab.Tests;

public sealed class InterfaceEndpointTests : LabTestClass
{
    private async Task<JsonNode> InterfaceAsync(string systemId, string name) =>
        (await Lab.GetJsonAsync($"nodes/{systemId}/interfaces/")).AsArray().Single(i => (string?)i!["name"] == name)!;

    [Fact]
    public async Task Carving_a_deployed_machine_is_refused_with_the_exact_409()
    {
        var id = Lab.IdOf("openstack0");
        var enp8 = await InterfaceAsync(id, "enp8s0");
        var (status, body) = await Lab.SendAsync(HttpMethod.Post, $"nodes/{id}/interfaces/?op=create_bridge",
            ("name", "br-x"), ("parent", (string)enp8["id"]!.ToString()));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Cannot create bridge interface because the machine is not New, Ready, Allocated, or Broken.", body);
        var (linkStatus, linkBody) = await Lab.SendAsync(HttpMethod.Post, $"nodes/{id}/interfaces/{enp8["id"]}/?op=unlink_subnet", ("id", "1"));
        Assert.Equal((HttpStatusCode.Conflict, "Cannot unlink subnet interface because the machine is not New, Ready, Allocated, or Broken."), (linkStatus, linkBody));
        var (deleteStatus, deleteBody) = await Lab.SendAsync(HttpMethod.Delete, $"nodes/{id}/interfaces/{enp8["id"]}/");
        Assert.Equal((HttpStatusCode.Conflict, "Cannot delete interface interface because the machine is not New, Ready, Allocated, or Broken."), (deleteStatus, deleteBody));
    }

    [Fact]
    public async Task On_ready_a_bridge_clears_the_parent_links_and_takes_names_as_parents()
    {
        var id = await Lab.CreateReadyMachineAsync("vm1", "52:54:00:ee:01:01");
        var boot = await InterfaceAsync(id, "enp1s0");
        Assert.Single(boot["links"]!.AsArray());
        var bridge = await Lab.PostJsonAsync($"nodes/{id}/interfaces/?op=create_bridge",
            ("name", "br-ex"), ("parent", boot["id"]!.ToString()), ("bridge_type", "ovs"));
        Assert.Equal("bridge", (string?)bridge["type"]);
        Assert.Equal("ovs", (string?)bridge["params"]!["bridge_type"]);
        Assert.Equal(["enp1s0"], bridge["parents"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("52:54:00:ee:01:01", (string?)bridge["mac_address"]);
        var parent = await InterfaceAsync(id, "enp1s0");
        Assert.Empty(parent["links"]!.AsArray());
        Assert.Equal(["br-ex"], parent["children"]!.AsArray().Select(c => (string)c!));
    }

    /// <summary>forms/interface.py BridgeInterfaceForm: compose_invalid_choice_text("bridge_type", BRIDGE_TYPE_CHOICES).</summary>
    [Fact]
    public async Task Bridge_type_must_be_standard_or_ovs()
    {
        var id = await Lab.CreateReadyMachineAsync("vm2", "52:54:00:ee:01:02");
        var boot = await InterfaceAsync(id, "enp1s0");
        var (status, body) = await Lab.SendAsync(HttpMethod.Post, $"nodes/{id}/interfaces/?op=create_bridge",
            ("name", "br0"), ("parent", boot["id"]!.ToString()), ("bridge_type", "linux"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("'linux' is not a valid bridge_type.  It should be one of: 'standard', 'ovs'.", (string?)JsonNode.Parse(body)!["bridge_type"]![0]);
    }

    [Fact]
    public async Task Vlan_link_and_unlink_on_ready()
    {
        var id = await Lab.CreateReadyMachineAsync("vm3", "52:54:00:ee:01:03", "52:54:00:ee:01:04");
        var nic = await InterfaceAsync(id, "enp2s0");
        var tagged = Lab.Cloud.Networks.Vlans.Single(v => v.Vid == 103);
        var vlanIface = await Lab.PostJsonAsync($"nodes/{id}/interfaces/?op=create_vlan", ("parent", nic["id"]!.ToString()), ("vlan", tagged.Id.ToString()));
        Assert.Equal("enp2s0.103", (string?)vlanIface["name"]);
        var internalSubnet = Lab.Cloud.Networks.Subnets.Single(s => s.Space?.Name == "metal-internal");
        var linked = await Lab.PostJsonAsync($"nodes/{id}/interfaces/{vlanIface["id"]}/?op=link_subnet",
            ("mode", "StAtIc"), ("subnet", internalSubnet.Id.ToString()), ("ip_address", "10.12.12.99"));
        var link = linked["links"]!.AsArray().Single(l => (string?)l!["mode"] == "static")!;
        Assert.Equal("10.12.12.99", (string?)link["ip_address"]);
        var unlinked = await Lab.PostJsonAsync($"nodes/{id}/interfaces/{vlanIface["id"]}/?op=unlink_subnet", ("id", link["id"]!.ToString()));
        Assert.DoesNotContain(unlinked["links"]!.AsArray(), l => (string?)l!["mode"] == "static");
    }

    /// <summary>forms/interface_link.py offers only vlan.subnet_set unless forced; fields.py answers "None found with id=N.".</summary>
    [Fact]
    public async Task Link_subnet_refuses_a_subnet_off_the_interface_vlan_unless_forced()
    {
        var id = await Lab.CreateReadyMachineAsync("vm4", "52:54:00:ee:01:05");
        var boot = await InterfaceAsync(id, "enp1s0");
        var tagged = Lab.Cloud.Networks.Subnets.Single(s => s.Vlan.Vid == 103);
        var (status, body) = await Lab.SendAsync(HttpMethod.Post, $"nodes/{id}/interfaces/{boot["id"]}/?op=link_subnet",
            ("mode", "STATIC"), ("subnet", tagged.Id.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"None found with id={tagged.Id}.", (string?)JsonNode.Parse(body)!["subnet"]![0]);
        var forced = await Lab.PostJsonAsync($"nodes/{id}/interfaces/{boot["id"]}/?op=link_subnet",
            ("mode", "STATIC"), ("subnet", tagged.Id.ToString()), ("force", "true"));
        Assert.Equal(103, (int)forced["vlan"]!["vid"]!);
        Assert.Single(forced["links"]!.AsArray());
    }

    [Fact]
    public async Task Disconnect_delete_and_put()
    {
        var id = await Lab.CreateReadyMachineAsync("vm5", "52:54:00:ee:01:06", "52:54:00:ee:01:07");
        var second = await InterfaceAsync(id, "enp2s0");
        var disconnected = await Lab.PostJsonAsync($"nodes/{id}/interfaces/{second["id"]}/?op=disconnect");
        Assert.Null(disconnected["vlan"]);
        Assert.Empty(disconnected["links"]!.AsArray());
        using var put = new HttpRequestMessage(HttpMethod.Put, $"nodes/{id}/interfaces/{second["id"]}/")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("name", "enp8s0")]),
        };
        using var putResponse = await Lab.Http.SendAsync(put);
        Assert.Equal("enp8s0", (string?)JsonNode.Parse(await putResponse.Content.ReadAsStringAsync())!["name"]);
        Assert.Equal(HttpStatusCode.NoContent, (await Lab.SendAsync(HttpMethod.Delete, $"nodes/{id}/interfaces/{second["id"]}/")).Status);
        Assert.Equal((HttpStatusCode.NotFound, "No Interface matches the given query."),
            await Lab.SendAsync(HttpMethod.Get, $"nodes/{id}/interfaces/{second["id"]}/"));
    }

    [Fact]
    public async Task Create_physical_with_a_duplicate_mac_is_a_field_error()
    {
        var id = await Lab.CreateReadyMachineAsync("vm6", "52:54:00:ee:01:08");
        var (status, body) = await Lab.SendAsync(HttpMethod.Post, $"nodes/{id}/interfaces/?op=create_physical",
            ("mac_address", "52:54:00:0c:04:0a"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("already in use", (string?)JsonNode.Parse(body)!["mac_address"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_dhcp_link_is_refused_with_the_maas_text()
    {
        var id = await Lab.CreateReadyMachineAsync("dhcp1", "52:54:00:ee:01:01");
        var boot = (await Lab.GetJsonAsync($"nodes/{id}/interfaces/")).AsArray()[0]!;
        var subnet = (string)boot["links"]![0]!["subnet"]!["name"]!;
        await Lab.PostJsonAsync($"nodes/{id}/interfaces/{boot["id"]}/?op=link_subnet", ("mode", "DHCP"), ("subnet", subnet));

        var (status, body) = await Lab.SendAsync(HttpMethod.Post, $"nodes/{id}/interfaces/{boot["id"]}/?op=link_subnet",
            ("mode", "dhcp"), ("subnet", subnet));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"Interface is already set to DHCP from '{subnet}'.", (string?)JsonNode.Parse(body)!["mode"]![0]);
    }
}
