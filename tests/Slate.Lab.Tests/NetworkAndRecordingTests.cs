using System.Net;

namespace Slate.Lab.Tests;

public sealed class NetworkAndRecordingTests : IAsyncLifetime
{
    private LabHarness _lab = null!;

    public async Task InitializeAsync() => _lab = await LabHarness.StartAsync();

    public async Task DisposeAsync() => await _lab.DisposeAsync();

    /// <summary>MAAS api/spaces.py: the synthetic "undefined" space is listed only while some VLAN has no space.</summary>
    [Fact]
    public async Task Spaces_list_the_planes_and_the_synthetic_undefined_space_once_a_vlan_has_none()
    {
        var spaces = (await _lab.GetJsonAsync("spaces/")).AsArray();
        Assert.Equal(["provider-public", "metal-admin", "metal-internal", "data-tenant", "storage", "replication"],
            spaces.Select(s => (string)s!["name"]!));
        Assert.Equal("10.12.12.0/22", (string?)spaces[2]!["subnets"]![0]!["cidr"]);
        Assert.Equal([103], spaces[2]!["vlans"]!.AsArray().Select(v => (int)v!["vid"]!));

        // A NIC on a network MAAS has not seen lands on a new fabric whose VLAN has no space.
        var stale = _lab.Cloud.Hypervisor.NicsOf("openstack0").Single(n => n.Network == "8_lbaas");
        _lab.Cloud.Hypervisor.Define("vm-stale", [stale with { Mac = "52:54:00:ee:09:01" }]);
        await _lab.PostJsonAsync("pods/1/?op=refresh");
        _lab.Time.Advance(_lab.Cloud.Timings.Commissioning);

        var undefined = (await _lab.GetJsonAsync("spaces/")).AsArray()[^1]!;
        Assert.Equal("undefined", (string?)undefined["name"]);
        Assert.Equal(-1, (int)undefined["id"]!);
        Assert.Equal(["fabric-5"], undefined["vlans"]!.AsArray().Select(v => (string)v!["fabric"]!));
        Assert.Equal((HttpStatusCode.BadRequest, "Space cannot be deleted: undefined"), await _lab.SendAsync(HttpMethod.Delete, "spaces/-1/"));
    }

    [Fact]
    public async Task Subnets_fabrics_and_vlans_are_readable_by_id_cidr_and_vid()
    {
        var subnet = await _lab.GetJsonAsync("subnets/10.12.16.0/22/");
        Assert.Equal("data-tenant", (string?)subnet["space"]);
        Assert.Equal("10.12.16.1", (string?)subnet["gateway_ip"]);
        var fabrics = (await _lab.GetJsonAsync("fabrics/")).AsArray();
        Assert.Equal(["fabric-0", "fabric-1", "fabric-2", "fabric-3", "fabric-4"], fabrics.Select(f => (string)f!["name"]!));
        Assert.Equal([0, 103], fabrics[1]!["vlans"]!.AsArray().Select(v => (int)v!["vid"]!));
        var vlan = await _lab.GetJsonAsync("fabrics/1/vlans/103/");
        Assert.Equal("metal-internal", (string?)vlan["space"]);
        Assert.Equal(103, (int)(await _lab.GetJsonAsync($"vlans/{vlan["id"]}/"))["vid"]!);
        Assert.Equal("virsh", (string?)(await _lab.GetJsonAsync("vm-hosts/")).AsArray().Single()!["type"]);
        Assert.Equal("/MAAS/api/2.0/pods/1/", (string?)(await _lab.GetJsonAsync("pods/1/"))["resource_uri"]);
    }

    [Fact]
    public async Task Every_request_is_recorded_with_method_path_and_op()
    {
        await _lab.GetJsonAsync("machines/?hostname=juju");
        await _lab.SendAsync(HttpMethod.Post, $"machines/{_lab.IdOf("openstack0")}/", ("op", "power_off"));
        Assert.Equal(2, _lab.Server.Requests.Count);
        Assert.Equal(new Maas.LabRequest("GET", "/MAAS/api/2.0/machines/", null), _lab.Server.Requests[0]);
        Assert.Equal("power_off", _lab.Server.Requests[1].Op); // op from the form body
    }

    [Fact]
    public async Task Mutating_a_protected_machine_is_recorded_as_a_violation_even_when_refused()
    {
        var juju = _lab.IdOf("juju");
        await _lab.GetJsonAsync($"machines/{juju}/");
        await _lab.PostJsonAsync($"machines/{_lab.IdOf("openstack0")}/?op=power_off");
        Assert.Empty(_lab.Server.Violations);
        var nic = (await _lab.GetJsonAsync($"nodes/{juju}/interfaces/")).AsArray()[0]!;
        var (status, _) = await _lab.SendAsync(HttpMethod.Post, $"nodes/{juju}/interfaces/{nic["id"]}/?op=disconnect");
        Assert.Equal(HttpStatusCode.Conflict, status);
        await _lab.SendAsync(HttpMethod.Post, $"machines/{_lab.IdOf("lxd")}/?op=release");
        Assert.Equal(2, _lab.Server.Violations.Count);
        Assert.Contains("juju", _lab.Server.Violations[0], StringComparison.Ordinal);
        Assert.Contains("lxd", _lab.Server.Violations[1], StringComparison.Ordinal);
    }
}
