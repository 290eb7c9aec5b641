using System.Net;
using System.Text.Json.Nodes;

namespace Slate.Lab.Tests;

public sealed class MachineEndpointTests : LabTestClass
{
    [Fact]
    public async Task Hostname_filter_is_exact_and_repeatable()
    {
        var one = await Lab.GetJsonAsync("machines/?hostname=openstack1");
        Assert.Equal("openstack1", (string?)one.AsArray().Single()!["hostname"]);
        var two = await Lab.GetJsonAsync("machines/?hostname=openstack1&hostname=juju");
        Assert.Equal(["juju", "openstack1"], two.AsArray().Select(m => (string)m!["hostname"]!).Order());
        Assert.Empty((await Lab.GetJsonAsync("machines/?hostname=openstack")).AsArray());
    }

    [Fact]
    public async Task Id_and_status_filters_select_exactly()
    {
        var id = Lab.IdOf("lxd");
        Assert.Equal(id, (string?)(await Lab.GetJsonAsync($"machines/?id={id}")).AsArray().Single()!["system_id"]);
        Assert.Equal(8, (await Lab.GetJsonAsync("machines/?status=deployed")).AsArray().Count);
        Assert.Empty((await Lab.GetJsonAsync("machines/?status=ready")).AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await Lab.SendAsync(HttpMethod.Get, "machines/?status=sleepy")).Status);
    }

    [Fact]
    public async Task Machine_json_has_pod_status_and_no_power_secrets()
    {
        var machine = await Lab.GetJsonAsync($"machines/{Lab.IdOf("openstack0")}/");
        Assert.Equal(6, (int)machine["status"]!);
        Assert.Equal("Deployed", (string?)machine["status_name"]);
        Assert.Equal(Lab.Cloud.Pods.Pod.Name, (string?)machine["pod"]!["name"]);
        Assert.Equal("/MAAS/api/2.0/pods/1/", (string?)machine["pod"]!["resource_uri"]);
        Assert.DoesNotContain(Lab.Cloud.Pods.Pod.PowerPassword, machine.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_machine_is_404_with_the_maas_text()
    {
        Assert.Equal((HttpStatusCode.NotFound, "No Machine matches the given query."), await Lab.SendAsync(HttpMethod.Get, "machines/zzzzzz/"));
    }

    [Fact]
    public async Task Power_parameters_return_the_password_in_clear_like_maas()
    {
        var id = Lab.IdOf("openstack2");
        var one = await Lab.GetJsonAsync($"machines/{id}/?op=power_parameters");
        Assert.Equal(Lab.Cloud.Pods.Pod.PowerPassword, (string?)one["power_pass"]);
        Assert.Equal("openstack2", (string?)one["power_id"]);
        var all = (JsonObject)await Lab.GetJsonAsync("machines/?op=power_parameters");
        Assert.Equal(8, all.Count);
        var picked = (JsonObject)await Lab.GetJsonAsync($"machines/?op=power_parameters&id={id}");
        Assert.Equal([id], picked.Select(p => p.Key));
    }

    [Fact]
    public async Task Releasing_a_dynamic_pod_machine_removes_it_after_the_delay()
    {
        var id = Lab.IdOf("openstack3");
        var released = await Lab.PostJsonAsync($"machines/{id}/?op=release");
        Assert.Equal(12, (int)released["status"]!);
        Assert.Equal("Releasing", (string?)released["status_name"]);
        Lab.Time.Advance(Lab.Cloud.Timings.Releasing - TimeSpan.FromMilliseconds(1));
        Assert.Single((await Lab.GetJsonAsync($"machines/?id={id}")).AsArray());
        Lab.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Empty((await Lab.GetJsonAsync($"machines/?id={id}")).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Lab.SendAsync(HttpMethod.Get, $"machines/{id}/")).Status);
    }

    [Fact]
    public async Task Release_from_a_wrong_state_is_409()
    {
        var id = await Lab.CreateReadyMachineAsync("vm1", "52:54:00:ee:00:01");
        await Lab.PostJsonAsync($"machines/{id}/?op=commission");
        var (status, body) = await Lab.SendAsync(HttpMethod.Post, $"machines/{id}/?op=release");
        Assert.Equal((HttpStatusCode.Conflict, "Machine cannot be released in its current state ('Commissioning')."), (status, body));
    }

    /// <summary>api/machines.py delete + reference §3.6: 204 at once; a pod machine leaves when its decompose has finished.</summary>
    [Fact]
    public async Task Delete_of_a_pod_machine_answers_204_at_once_and_the_machine_leaves_when_its_decompose_finishes()
    {
        var id = Lab.IdOf("capi-mgmt");
        var (status, body) = await Lab.SendAsync(HttpMethod.Delete, $"machines/{id}/");
        Assert.Equal((HttpStatusCode.NoContent, ""), (status, body));
        Assert.Single((await Lab.GetJsonAsync($"machines/?hostname=capi-mgmt")).AsArray());

        Lab.Time.Advance(Lab.Cloud.Timings.Decomposing);

        Assert.Empty((await Lab.GetJsonAsync($"machines/?hostname=capi-mgmt")).AsArray());
    }

    [Fact]
    public async Task Delete_of_a_machine_outside_the_pod_removes_it_at_once()
    {
        var created = await Lab.PostJsonAsync("machines/", ("hostname", "bare2"), ("architecture", "amd64"),
            ("power_type", "manual"), ("mac_addresses", "52:54:00:ee:00:08"));
        Assert.Equal(HttpStatusCode.NoContent, (await Lab.SendAsync(HttpMethod.Delete, $"machines/{created["system_id"]}/")).Status);
        Assert.Null(Lab.Cloud.Machines.FindByHostname("bare2"));
    }

    /// <summary>
    /// models/node.py add_physical_interface names enlisted NICs eth0…; commissioning (metadataserver/builtin_scripts/
    /// network.py) gives them the kernel's names and the VLANs it observed; then Testing, then Ready (node_status.py);
    /// the boot NIC AUTO, the others LINK_UP.
    /// </summary>
    [Fact]
    public async Task Create_enlists_eth_names_then_commissioning_renames_by_pci_address_tests_and_readies_with_boot_nic_auto()
    {
        Lab.DefineDomain("vm2", "52:54:00:ee:00:02", "52:54:00:ee:00:03");
        var seededFabrics = Lab.Cloud.Networks.Fabrics.Select(f => f.Name).ToList();
        var created = await Lab.PostJsonAsync("machines/", [("hostname", "vm2"), ("architecture", "amd64"), ("power_type", "virsh"),
            ("mac_addresses", "52:54:00:ee:00:02"), ("mac_addresses", "52:54:00:ee:00:03"), .. Lab.PodPower("vm2")]);
        Assert.Equal(1, (int)created["status"]!);
        Assert.Equal(["eth0", "eth1"], created["interface_set"]!.AsArray().Select(i => (string)i!["name"]!));
        Assert.All(created["interface_set"]!.AsArray(), i => Assert.Null(i!["vlan"]));
        var id = (string)created["system_id"]!;

        Lab.Time.Advance(Lab.Cloud.Timings.Commissioning);
        var testing = await Lab.GetJsonAsync($"machines/{id}/");
        Assert.Equal("Testing", (string?)testing["status_name"]);
        Assert.Equal(["enp1s0", "enp2s0"], testing["interface_set"]!.AsArray().Select(i => (string)i!["name"]!));

        Lab.Time.Advance(Lab.Cloud.Timings.Testing);
        var ready = await Lab.GetJsonAsync($"machines/{id}/");
        Assert.Equal(4, (int)ready["status"]!);
        var modes = ready["interface_set"]!.AsArray().Select(i => (string)i!["links"]!.AsArray().Single()!["mode"]!).ToList();
        Assert.Equal(["auto", "link_up"], modes);
        var autoLink = ready["interface_set"]![0]!["links"]![0]!.AsObject();
        Assert.Equal("10.12.8.0/22", (string?)autoLink["subnet"]!["cidr"]);
        Assert.False(autoLink.ContainsKey("ip_address"));
        // No lease on data-tenant (MAAS serves no DHCP there): a fabric of its own, as guess_vlan_for_interface does.
        Assert.Equal("undefined", (string?)ready["interface_set"]![1]!["vlan"]!["space"]);
        Assert.DoesNotContain((string)ready["interface_set"]![1]!["vlan"]!["fabric"]!, seededFabrics);
        Assert.False(ready["interface_set"]![1]!["links"]![0]!.AsObject().ContainsKey("subnet"));
        Assert.Equal("enp1s0", (string?)ready["boot_interface"]!["name"]);
    }

    [Fact]
    public async Task Create_with_a_mac_in_use_is_a_400_field_map()
    {
        var (status, body) = await Lab.SendAsync(HttpMethod.Post, "machines/", ("architecture", "amd64/generic"),
            ("mac_addresses", "52:54:00:0c:04:0a"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = JsonNode.Parse(body)!;
        Assert.Equal("MAC address 52:54:00:0c:04:0a already in use on openstack0.", (string?)errors["mac_addresses"]![0]);
    }

    [Fact]
    public async Task Create_accepts_a_multipart_body()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("vm3"), "hostname" },
            { new StringContent("amd64/generic"), "architecture" },
            { new StringContent("52:54:00:ee:00:04"), "mac_addresses" },
            { new StringContent("false"), "commission" },
        };
        using var response = await Lab.Http.PostAsync("machines/", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("New", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status_name"]);
    }

    [Fact]
    public async Task Allocate_then_deploy_reaches_deployed_with_an_auto_address()
    {
        var id = await Lab.CreateReadyMachineAsync("vm4", "52:54:00:ee:00:05");
        var allocated = await Lab.PostJsonAsync("machines/?op=allocate", ("system_id", id));
        Assert.Equal("Allocated", (string?)allocated["status_name"]);
        Assert.NotNull(allocated["constraints_by_type"]);
        var deploying = await Lab.PostJsonAsync($"machines/{id}/?op=deploy");
        Assert.Equal(9, (int)deploying["status"]!);
        Lab.Time.Advance(Lab.Cloud.Timings.Deploying);
        var deployed = await Lab.GetJsonAsync($"machines/{id}/");
        Assert.Equal("Deployed", (string?)deployed["status_name"]);
        Assert.StartsWith("10.12.8.", (string?)deployed["ip_addresses"]![0]);
    }

    [Fact]
    public async Task Abort_commissioning_returns_to_new_and_power_ops_answer_machine_json()
    {
        var created = await Lab.PostJsonAsync("machines/", ("architecture", "amd64"), ("power_type", "virsh"),
            ("mac_addresses", "52:54:00:ee:00:06"));
        var id = (string)created["system_id"]!;
        Assert.Equal("New", (string?)(await Lab.PostJsonAsync($"machines/{id}/?op=abort"))["status_name"]);
        Assert.Equal("off", (string?)(await Lab.PostJsonAsync($"machines/{id}/?op=power_off"))["power_state"]);
        Assert.Equal((HttpStatusCode.Conflict, "Can't start node: it hasn't been allocated."),
            await Lab.SendAsync(HttpMethod.Post, $"machines/{id}/?op=power_on"));
    }

    [Fact]
    public async Task A_manual_power_machine_releases_to_ready_at_once_and_its_power_stays_unknown()
    {
        // MAAS cannot query a manual BMC, so release finalises in the same response (reference §3.5).
        var created = await Lab.PostJsonAsync("machines/", ("hostname", "bare1"), ("architecture", "amd64"),
            ("power_type", "manual"), ("mac_addresses", "52:54:00:ee:00:07"));
        Assert.Equal("unknown", (string?)created["power_state"]);
        Lab.Time.Advance(Lab.Cloud.Timings.Commissioning + Lab.Cloud.Timings.Testing);
        var id = (string)created["system_id"]!;
        await Lab.PostJsonAsync("machines/?op=allocate", ("system_id", id));

        var released = await Lab.PostJsonAsync($"machines/{id}/?op=release");

        Assert.Equal("Ready", (string?)released["status_name"]);
        Assert.Null(released["owner"]);
        Assert.Equal("unknown", (string?)released["power_state"]);
    }

    [Fact]
    public async Task Recommissioning_names_the_state_it_came_from()
    {
        var id = await Lab.CreateReadyMachineAsync("vm5", "52:54:00:ee:00:08");
        var machine = Lab.Cloud.Machines.Get(id);
        lock (Lab.Cloud.SyncRoot) machine.Status = Slate.Lab.Cloud.NodeStatus.Broken;

        var commissioning = await Lab.PostJsonAsync($"machines/{id}/?op=commission");

        Assert.Equal("From 'Broken' to 'Commissioning'", (string?)commissioning["status_message"]);
    }

    [Fact]
    public async Task Virsh_power_drives_the_domain_named_by_power_id_not_the_hostname()
    {
        var created = await Lab.PostJsonAsync("machines/", ("hostname", "os0-alias"), ("architecture", "amd64"),
            ("power_type", "virsh"), ("power_parameters_power_address", Lab.Cloud.Pods.Pod.PowerAddress),
            ("power_parameters_power_id", "openstack0"), ("mac_addresses", "52:54:00:ee:00:09"), ("commission", "false"));
        Assert.Equal(Slate.Runbook.Ports.DomainState.Running, Lab.Cloud.Hypervisor.StateOf("openstack0"));

        await Lab.PostJsonAsync($"machines/{(string)created["system_id"]!}/?op=power_off");

        Assert.Equal(Slate.Runbook.Ports.DomainState.ShutOff, Lab.Cloud.Hypervisor.StateOf("openstack0"));
    }

    [Fact]
    public async Task Query_power_state_answers_the_live_state_as_maas_does()
    {
        var id = Lab.IdOf("openstack1");
        Assert.Equal("on", (string?)(await Lab.GetJsonAsync($"machines/{id}/?op=query_power_state"))["state"]);
        await Lab.PostJsonAsync($"machines/{id}/?op=power_off");
        Assert.Equal("off", (string?)(await Lab.GetJsonAsync($"machines/{id}/?op=query_power_state"))["state"]);
    }
}
