using System.Net;
using System.Text.Json.Nodes;

namespace Slate.Lab.Tests;

/// <summary>
/// Where commissioning puts a machine's NICs and what addresses MAAS then holds, as MAAS's code does it
/// (metadataserver/builtin_scripts/network.py, models/node.py set_initial_networking_configuration,
/// models/interface.py ensure_link_up, models/subnet.py render_json_for_related_ips).
/// </summary>
public sealed class CommissioningNetworkTests
{
    private const string DataTenant = "10.12.16.0/22";

    /// <summary>network.py guess_vlan_for_interface: no address observed, the default VLAN in use → a new fabric.</summary>
    [Fact]
    public async Task A_nic_that_got_no_lease_lands_on_a_new_fabric_of_its_own_when_the_default_vlan_is_in_use()
    {
        await using var lab = await LabHarness.StartAsync();
        var fabricsBefore = lab.Cloud.Networks.Fabrics.Count;

        var id = await lab.CreateReadyMachineAsync("vm-a", "52:54:00:ee:05:01", "52:54:00:ee:05:02", "52:54:00:ee:05:03");

        var nics = (await lab.GetJsonAsync($"nodes/{id}/interfaces/")).AsArray();
        Assert.Equal("metal-admin", (string?)nics[0]!["vlan"]!["space"]);
        Assert.Equal(fabricsBefore + 2, lab.Cloud.Networks.Fabrics.Count);
        Assert.NotEqual((string?)nics[1]!["vlan"]!["fabric"], (string?)nics[2]!["vlan"]!["fabric"]);
        Assert.All(nics.Skip(1), n => Assert.Equal("undefined", (string?)n!["vlan"]!["space"]));
    }

    /// <summary>network.py guess_vlan_for_interface: the first NIC with no address takes the default VLAN while nothing is on it.</summary>
    [Fact]
    public async Task The_first_nic_with_no_lease_takes_the_default_vlan_while_no_interface_is_on_it()
    {
        await using var lab = await LabHarness.StartAsync();
        lab.Cloud.Pods.Delete(decompose: false); // the hosts (and with them every interface on fabric-0) leave MAAS
        var fabricsBefore = lab.Cloud.Networks.Fabrics.Count;

        var id = await lab.CreateReadyMachineAsync("vm-b", "52:54:00:ee:05:11", "52:54:00:ee:05:12", "52:54:00:ee:05:13");

        var nics = (await lab.GetJsonAsync($"nodes/{id}/interfaces/")).AsArray();
        Assert.Equal(("fabric-0", "untagged"), ((string)nics[1]!["vlan"]!["fabric"]!, (string)nics[1]!["vlan"]!["name"]!));
        Assert.Equal(fabricsBefore + 1, lab.Cloud.Networks.Fabrics.Count);
        Assert.NotEqual("fabric-0", (string?)nics[2]!["vlan"]!["fabric"]);
    }

    /// <summary>network.py update_links + interface.py ensure_link_up: a leased non-boot NIC is on its plane, LINK_UP carrying the subnet.</summary>
    [Fact]
    public async Task A_nic_on_a_plane_that_serves_dhcp_is_placed_on_its_vlan_with_a_discovered_lease_and_link_up_on_its_subnet()
    {
        await using var lab = await LabHarness.StartEditedAsync("cidr: 10.12.16.0/22, vid: 0 }", "cidr: 10.12.16.0/22, vid: 0, dhcp: 10.12.19.0-10.12.19.9 }");

        var id = await lab.CreateReadyMachineAsync("vm-c", "52:54:00:ee:05:21", "52:54:00:ee:05:22");

        var data = (await lab.GetJsonAsync($"nodes/{id}/interfaces/")).AsArray()[1]!;
        Assert.Equal("data-tenant", (string?)data["vlan"]!["space"]);
        var link = data["links"]!.AsArray().Single()!;
        Assert.Equal(("link_up", DataTenant), ((string)link["mode"]!, (string)link["subnet"]!["cidr"]!));
        var seen = data["discovered"]!.AsArray().Single()!;
        Assert.Equal(("10.12.19.0", DataTenant), ((string)seen["ip_address"]!, (string)seen["subnet"]!["cidr"]!));
    }

    /// <summary>node.py set_initial_networking_configuration: the boot NIC is AUTO on the subnet of its lease, which stays DISCOVERED.</summary>
    [Fact]
    public async Task The_boot_nic_is_auto_on_the_subnet_its_lease_came_from_and_the_lease_is_an_address_row_of_that_subnet()
    {
        await using var lab = await LabHarness.StartAsync();

        var id = await lab.CreateReadyMachineAsync("vm-d", "52:54:00:ee:05:31");

        var boot = (await lab.GetJsonAsync($"nodes/{id}/interfaces/")).AsArray().Single()!;
        Assert.Equal("auto", (string?)boot["links"]![0]!["mode"]);
        var lease = (string)boot["discovered"]![0]!["ip_address"]!;
        Assert.StartsWith("10.12.11.", lease);
        var row = (await AddressRowsAsync(lab, "10.12.8.0/22")).Single(r => (string?)r!["ip"] == lease)!;
        Assert.Equal((6, "vm-d", "enp1s0"), ((int)row["alloc_type"]!, (string)row["node_summary"]!["hostname"]!, (string)row["node_summary"]!["via"]!));
    }

    /// <summary>subnet.py render_json_for_related_ips lists the rack controller's own address (node_type 4: region and rack).</summary>
    [Fact]
    public async Task The_address_listing_holds_the_rack_controllers_own_address()
    {
        await using var lab = await LabHarness.StartAsync();

        var rows = await AddressRowsAsync(lab, "10.12.8.0/22");

        var rack = rows.Single(r => (string?)r!["ip"] == "10.12.8.1")!;
        Assert.Equal((1, 4, "caracal-testcloud"), ((int)rack["alloc_type"]!, (int)rack["node_summary"]!["node_type"]!, (string)rack["node_summary"]!["hostname"]!));
    }

    /// <summary>forms/interface_link.py _clean_mode_static: "IP address is inside a dynamic range A to B." (400 on ip_address).</summary>
    [Fact]
    public async Task A_static_link_inside_a_dynamic_range_is_refused_with_maas_text_naming_the_range()
    {
        await using var lab = await LabHarness.StartAsync();
        var id = await lab.CreateReadyMachineAsync("vm-e", "52:54:00:ee:05:41");
        var boot = lab.Cloud.Machines.Get(id).Interfaces.Single();

        var (status, body) = await LinkStaticAsync(lab, id, boot, "10.12.8.0/22", "10.12.11.200");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("IP address is inside a dynamic range 10.12.11.0 to 10.12.11.254.", (string?)JsonNode.Parse(body)!["ip_address"]![0]);
        Assert.DoesNotContain(lab.Cloud.Machines.Get(id).Interfaces.Single().Links, l => l.Mode == Cloud.LinkMode.Static);
    }

    /// <summary>models/interface.py _link_subnet_static: any existing row — here the rack's own address — is "already in use".</summary>
    [Fact]
    public async Task A_static_link_to_the_racks_address_is_already_in_use()
    {
        await using var lab = await LabHarness.StartAsync();
        var id = await lab.CreateReadyMachineAsync("vm-f", "52:54:00:ee:05:51");
        var boot = lab.Cloud.Machines.Get(id).Interfaces.Single();

        var (status, body) = await LinkStaticAsync(lab, id, boot, "10.12.8.0/22", "10.12.8.1");

        Assert.Equal((HttpStatusCode.NotFound, "IP address is already in use."), (status, body));
    }

    /// <summary>models/interface.py _link_subnet_static get_or_creates the row: an address MAAS only saw on the wire is a row too.</summary>
    [Fact]
    public async Task A_static_link_to_an_address_discovered_on_the_wire_is_already_in_use()
    {
        await using var lab = await LabHarness.StartAsync();
        var id = await lab.CreateReadyMachineAsync("vm-g", "52:54:00:ee:05:61", "52:54:00:ee:05:62");
        await lab.MoveToPlaneAsync(id, "enp2s0", DataTenant);
        var subnet = lab.Cloud.Networks.FindSubnet(DataTenant)!;
        lab.Cloud.Networks.AddStanding(new Cloud.LabAddressRow(IPAddress.Parse("10.12.16.77"), subnet, Cloud.AddressKind.Discovered, null));
        var nic = lab.Cloud.Machines.Get(id).Interfaces[1];

        var (status, body) = await LinkStaticAsync(lab, id, nic, DataTenant, "10.12.16.77");

        Assert.Equal((HttpStatusCode.NotFound, "IP address is already in use."), (status, body));
        var row = (await AddressRowsAsync(lab, DataTenant)).Single(r => (string?)r!["ip"] == "10.12.16.77")!.AsObject();
        Assert.Equal(6, (int)row["alloc_type"]!);
        Assert.False(row.ContainsKey("node_summary"));
    }

    /// <summary>api/ipranges.py: every range with its type, bounds and subnet.</summary>
    [Fact]
    public async Task Ipranges_lists_the_boot_planes_dynamic_range_and_the_sites_reserved_ranges()
    {
        await using var lab = await LabHarness.StartEditedAsync("cidr: 10.12.8.0/22,  vid: 0 }", "cidr: 10.12.8.0/22,  vid: 0, reserved: [10.12.8.1-10.12.8.9] }");

        var ranges = (await lab.GetJsonAsync("ipranges/")).AsArray();

        Assert.Equal([("dynamic", "10.12.11.0", "10.12.11.254", "10.12.8.0/22"), ("reserved", "10.12.8.1", "10.12.8.9", "10.12.8.0/22")],
            ranges.Select(r => ((string)r!["type"]!, (string)r["start_ip"]!, (string)r["end_ip"]!, (string)r["subnet"]!["cidr"]!)));
    }

    /// <summary>signals/interfaces.py interface_vlan_update: a VLAN change drops the links and deletes the fabric left empty.</summary>
    [Fact]
    public async Task Moving_a_nic_to_its_planes_vlan_drops_its_links_and_deletes_the_fabric_it_left_empty()
    {
        await using var lab = await LabHarness.StartAsync();
        var id = await lab.CreateReadyMachineAsync("vm-h", "52:54:00:ee:05:71", "52:54:00:ee:05:72");
        var nic = lab.Cloud.Machines.Get(id).Interfaces[1];
        var ownFabric = nic.Vlan!.Fabric.Name;

        await lab.MoveToPlaneAsync(id, nic.Name, DataTenant);

        var moved = await lab.GetJsonAsync($"nodes/{id}/interfaces/{nic.Id}/");
        Assert.Equal("data-tenant", (string?)moved["vlan"]!["space"]);
        Assert.Empty(moved["links"]!.AsArray());
        Assert.DoesNotContain(ownFabric, lab.Cloud.Networks.Fabrics.Select(f => f.Name));
    }

    /// <summary>models/interface.py _update_parents: a bridge forced onto another subnet's VLAN takes its parent NIC with it.</summary>
    [Fact]
    public async Task A_forced_link_of_a_bridge_moves_its_parent_nic_to_the_new_vlan()
    {
        await using var lab = await LabHarness.StartAsync();
        var id = await lab.CreateReadyMachineAsync("vm-i", "52:54:00:ee:05:81", "52:54:00:ee:05:82");
        var parent = lab.Cloud.Machines.Get(id).Interfaces[1];
        var bridge = await lab.PostJsonAsync($"nodes/{id}/interfaces/?op=create_bridge", ("name", "br-data"), ("parent", parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        await lab.PostJsonAsync($"nodes/{id}/interfaces/{bridge["id"]}/?op=link_subnet", ("mode", "STATIC"), ("subnet", DataTenant),
            ("ip_address", "10.12.16.99"), ("force", "true"));

        Assert.Equal("data-tenant", lab.Cloud.Machines.Get(id).Interfaces[1].Vlan!.Space?.Name);
    }

    private static Task<(HttpStatusCode Status, string Body)> LinkStaticAsync(LabHarness lab, string systemId, Cloud.LabInterface nic, string cidr, string ip) =>
        lab.SendAsync(HttpMethod.Post, $"nodes/{systemId}/interfaces/{nic.Id}/?op=link_subnet", ("mode", "STATIC"), ("subnet", cidr), ("ip_address", ip));

    private static async Task<JsonArray> AddressRowsAsync(LabHarness lab, string cidr) =>
        (await lab.GetJsonAsync($"subnets/{lab.Cloud.Networks.FindSubnet(cidr)!.Id}/?op=ip_addresses")).AsArray();
}
