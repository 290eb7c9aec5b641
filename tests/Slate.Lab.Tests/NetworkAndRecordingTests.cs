using System.Net;

namespace Slate.Lab.Tests;

public sealed class NetworkAndRecordingTests : LabTestClass
{
    /// <summary>MAAS api/spaces.py: the synthetic "undefined" space is listed only while some VLAN has no space.</summary>
    [Fact]
    public async Task Spaces_list_the_planes_and_the_synthetic_undefined_space_once_a_vlan_has_none()
    {
        var spaces = (await Lab.GetJsonAsync("spaces/")).AsArray();
        Assert.Equal(["provider-public", "metal-admin", "metal-internal", "data-tenant", "storage", "replication"],
            spaces.Select(s => (string)s!["name"]!));
        Assert.Equal("10.12.12.0/22", (string?)spaces[2]!["subnets"]![0]!["cidr"]);
        Assert.Equal([103], spaces[2]!["vlans"]!.AsArray().Select(v => (int)v!["vid"]!));

        // A NIC on a network MAAS has not seen lands on a new fabric whose VLAN has no space.
        var stale = Lab.Cloud.Hypervisor.NicsOf("openstack0").Single(n => n.Network == "8_lbaas");
        Lab.Cloud.Hypervisor.Define("vm-stale", [stale with { Mac = "52:54:00:ee:09:01" }]);
        await Lab.PostJsonAsync("pods/1/?op=refresh");
        Lab.Time.Advance(Lab.Cloud.Timings.Commissioning);

        var undefined = (await Lab.GetJsonAsync("spaces/")).AsArray()[^1]!;
        Assert.Equal("undefined", (string?)undefined["name"]);
        Assert.Equal(-1, (int)undefined["id"]!);
        Assert.Equal(["fabric-5"], undefined["vlans"]!.AsArray().Select(v => (string)v!["fabric"]!));
        Assert.Equal((HttpStatusCode.BadRequest, "Space cannot be deleted: undefined"), await Lab.SendAsync(HttpMethod.Delete, "spaces/-1/"));
    }

    /// <summary>
    /// api/subnets.py ip_addresses → models/subnet.py render_json_for_related_ips: every assigned address in address
    /// order, with the node holding it and the interface it is on (models/staticipaddress.py render_json).
    /// </summary>
    [Fact]
    public async Task Subnet_ip_addresses_lists_each_assigned_address_with_its_node_and_interface()
    {
        var addresses = (await Lab.GetJsonAsync("subnets/10.12.16.0/22/?op=ip_addresses")).AsArray();

        Assert.Equal(["10.12.16.10", "10.12.16.11", "10.12.16.12", "10.12.16.13"], addresses.Select(a => (string)a!["ip"]!));
        var first = addresses[0]!;
        Assert.Equal(1, (int)first["alloc_type"]!);
        Assert.Equal(("openstack0", Lab.IdOf("openstack0"), "enp8s0"),
            ((string?)first["node_summary"]!["hostname"], (string?)first["node_summary"]!["system_id"], (string?)first["node_summary"]!["via"]));
    }

    [Fact]
    public async Task Subnets_fabrics_and_vlans_are_readable_by_id_cidr_and_vid()
    {
        var subnet = await Lab.GetJsonAsync("subnets/10.12.16.0/22/");
        Assert.Equal("data-tenant", (string?)subnet["space"]);
        Assert.Equal("10.12.16.1", (string?)subnet["gateway_ip"]);
        var fabrics = (await Lab.GetJsonAsync("fabrics/")).AsArray();
        Assert.Equal(["fabric-0", "fabric-1", "fabric-2", "fabric-3", "fabric-4"], fabrics.Select(f => (string)f!["name"]!));
        Assert.Equal([0, 103], fabrics[1]!["vlans"]!.AsArray().Select(v => (int)v!["vid"]!));
        var vlan = await Lab.GetJsonAsync("fabrics/1/vlans/103/");
        Assert.Equal("metal-internal", (string?)vlan["space"]);
        Assert.Equal(103, (int)(await Lab.GetJsonAsync($"vlans/{vlan["id"]}/"))["vid"]!);
        Assert.Equal("virsh", (string?)(await Lab.GetJsonAsync("vm-hosts/")).AsArray().Single()!["type"]);
        Assert.Equal("/MAAS/api/2.0/pods/1/", (string?)(await Lab.GetJsonAsync("pods/1/"))["resource_uri"]);
    }

    [Fact]
    public async Task Every_request_is_recorded_with_method_path_and_op()
    {
        await Lab.GetJsonAsync("machines/?hostname=juju");
        await Lab.SendAsync(HttpMethod.Post, $"machines/{Lab.IdOf("openstack0")}/", ("op", "power_off"));
        Assert.Equal(2, Lab.Server.Requests.Count);
        Assert.Equal(new Maas.LabRequest("GET", "/MAAS/api/2.0/machines/", null), Lab.Server.Requests[0]);
        Assert.Equal("power_off", Lab.Server.Requests[1].Op); // op from the form body
    }

    [Fact]
    public async Task Mutating_a_protected_machine_is_recorded_as_a_violation_even_when_refused()
    {
        var juju = Lab.IdOf("juju");
        await Lab.GetJsonAsync($"machines/{juju}/");
        await Lab.PostJsonAsync($"machines/{Lab.IdOf("openstack0")}/?op=power_off");
        Assert.Empty(Lab.Server.Violations);
        var nic = (await Lab.GetJsonAsync($"nodes/{juju}/interfaces/")).AsArray()[0]!;
        var (status, _) = await Lab.SendAsync(HttpMethod.Post, $"nodes/{juju}/interfaces/{nic["id"]}/?op=disconnect");
        Assert.Equal(HttpStatusCode.Conflict, status);
        await Lab.SendAsync(HttpMethod.Post, $"machines/{Lab.IdOf("lxd")}/?op=release");
        Assert.Equal(2, Lab.Server.Violations.Count);
        Assert.Contains("juju", Lab.Server.Violations[0], StringComparison.Ordinal);
        Assert.Contains("lxd", Lab.Server.Violations[1], StringComparison.Ordinal);
    }
}
