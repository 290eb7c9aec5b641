using System.Net;
using System.Text.Json.Nodes;
using Slate.Runbook.Ports;

namespace Slate.Lab.Tests;

/// <summary>The machine rows of issues 16 and 15, each following the MAAS source file it names.</summary>
public sealed class MachineLifecycleTests : LabTestClass
{
    /// <summary>models/node.py start_releasing: with wipe-disks the machine is Disk erasing, then released.</summary>
    [Fact]
    public async Task Release_with_erase_passes_through_disk_erasing_then_ready()
    {
        var id = await DeployedEnlistedMachineAsync("vm-erase", "52:54:00:ee:03:01");

        var erasing = await Lab.PostJsonAsync($"machines/{id}/?op=release", ("erase", "true"));

        Assert.Equal("Disk erasing", (string?)erasing["status_name"]);
        Lab.Time.Advance(Lab.Cloud.Timings.DiskErasing);
        Assert.Equal("Ready", (string?)(await Lab.GetJsonAsync($"machines/{id}/"))["status_name"]);
    }

    /// <summary>models/node.py _finalize_release: a machine enlisted by POST machines is not dynamic and goes back to Ready.</summary>
    [Fact]
    public async Task A_machine_enlisted_by_post_machines_releases_to_ready_and_stays_in_maas()
    {
        var id = await DeployedEnlistedMachineAsync("vm-keep", "52:54:00:ee:03:02");

        await Lab.PostJsonAsync($"machines/{id}/?op=release");
        Lab.Time.Advance(Lab.Cloud.Timings.Releasing);

        var released = await Lab.GetJsonAsync($"machines/{id}/");
        Assert.Equal("Ready", (string?)released["status_name"]);
        Assert.Null(released["owner"]);
        Assert.Equal(DomainState.ShutOff, Lab.Cloud.Hypervisor.StateOf("vm-keep"));
    }

    /// <summary>node_status.py NODE_FAILURE_MONITORED_STATUS_TIMEOUTS: Releasing fails after 5 minutes.</summary>
    [Fact]
    public async Task A_release_that_never_finishes_fails_after_five_minutes()
    {
        await using var lab = await LabHarness.StartAsync("stuck=openstack3");
        var id = lab.IdOf("openstack3");
        await lab.PostJsonAsync($"machines/{id}/?op=release");

        lab.Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal("Releasing", (string?)(await lab.GetJsonAsync($"machines/{id}/"))["status_name"]);
        lab.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Releasing failed", (string?)(await lab.GetJsonAsync($"machines/{id}/"))["status_name"]);
    }

    /// <summary>node_status.py: Commissioning is monitored with node_timeout (30 minutes, maascommon/constants.py) and fails.</summary>
    [Fact]
    public async Task Commissioning_that_never_finishes_fails_after_the_node_timeout()
    {
        await using var lab = await LabHarness.StartAsync("stuck=capi-mgmt");
        var id = lab.IdOf("capi-mgmt");
        await lab.PostJsonAsync($"machines/{id}/?op=mark_broken");
        Assert.Equal("Commissioning", (string?)(await lab.PostJsonAsync($"machines/{id}/?op=commission"))["status_name"]);

        lab.Time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal("Failed commissioning", (string?)(await lab.GetJsonAsync($"machines/{id}/"))["status_name"]);
    }

    /// <summary>models/node.py mark_broken / mark_fixed, and mark_fixed's NodeStateViolation (409) on a non-broken node.</summary>
    [Fact]
    public async Task Mark_broken_then_mark_fixed_and_fixed_of_a_working_machine_is_409()
    {
        var id = await Lab.CreateReadyMachineAsync("vm-broken", "52:54:00:ee:03:03");

        var broken = await Lab.PostJsonAsync($"machines/{id}/?op=mark_broken", ("comment", "bad NIC"));
        Assert.Equal("Broken", (string?)broken["status_name"]);
        Assert.Equal("bad NIC", (string?)broken["error_description"]);
        var fixedMachine = await Lab.PostJsonAsync($"machines/{id}/?op=mark_fixed");
        Assert.Equal("Ready", (string?)fixedMachine["status_name"]);
        Assert.Equal("", (string?)fixedMachine["error_description"]);

        Assert.Equal((HttpStatusCode.Conflict, "Can't mark a non-broken node as 'Ready'."),
            await Lab.SendAsync(HttpMethod.Post, $"machines/{id}/?op=mark_fixed"));
    }

    /// <summary>api/machines.py update (PUT): the hostname changes; another machine's hostname is a field error.</summary>
    [Fact]
    public async Task Put_renames_a_machine_and_refuses_a_taken_hostname()
    {
        var id = await Lab.CreateReadyMachineAsync("vm-old", "52:54:00:ee:03:04");

        var renamed = JsonNode.Parse((await Lab.SendAsync(HttpMethod.Put, $"machines/{id}/", ("hostname", "vm-new"), ("description", "rehearsal"))).Body)!;

        Assert.Equal("vm-new", (string?)renamed["hostname"]);
        Assert.Equal("rehearsal", (string?)renamed["description"]);
        var (status, body) = await Lab.SendAsync(HttpMethod.Put, $"machines/{id}/", ("hostname", "juju"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Node with this Hostname already exists.", (string?)JsonNode.Parse(body)!["hostname"]![0]);
    }

    /// <summary>
    /// node_constraint_filter_forms.py ReadNodesForm (branch 3.7; master dropped pods): zone, status, mac_address and
    /// pod (the BMC's name) filter; an unknown zone is a field error; a parameter the form does not define is ignored.
    /// </summary>
    [Fact]
    public async Task List_filters_apply_unknown_zones_are_refused_and_undefined_parameters_are_ignored()
    {
        Assert.Equal(8, (await Lab.GetJsonAsync("machines/?zone=default")).AsArray().Count);
        var (status, body) = await Lab.SendAsync(HttpMethod.Get, "machines/?zone=rack9");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("No such zone(s): rack9.", (string?)JsonNode.Parse(body)!["zone"]![0]);
        var byMac = (await Lab.GetJsonAsync("machines/?mac_address=52:54:00:0c:04:0b")).AsArray();
        Assert.Equal(["openstack1"], byMac.Select(m => (string)m!["hostname"]!));
        Assert.Equal("Invalid parameter: invalid MAC address format",
            (string?)JsonNode.Parse((await Lab.SendAsync(HttpMethod.Get, "machines/?mac_address=nope")).Body)!["mac_address"]![0]);
        await Lab.PostJsonAsync($"machines/{Lab.IdOf("juju")}/?op=mark_broken");
        Assert.Equal(["juju"], (await Lab.GetJsonAsync("machines/?status=broken")).AsArray().Select(m => (string)m!["hostname"]!));
        await Lab.PostJsonAsync("machines/", ("hostname", "bare-pod"), ("architecture", "amd64"), ("power_type", "manual"),
            ("mac_addresses", "52:54:00:ee:03:07"));
        Assert.Equal(8, (await Lab.GetJsonAsync("machines/?pod=caracal-testcloud-kvm")).AsArray().Count);
        Assert.Empty((await Lab.GetJsonAsync("machines/?pod=elsewhere")).AsArray());
        Assert.Equal(9, (await Lab.GetJsonAsync("machines/?colour=blue")).AsArray().Count);
    }

    /// <summary>api/maas.py get_config (test_api.py: "No provided name!"); an unknown name is keyed by itself (forms/settings.py).</summary>
    [Fact]
    public async Task Get_config_without_a_name_is_400_text_and_an_unknown_name_a_field_error()
    {
        Assert.Equal((HttpStatusCode.BadRequest, "No provided name!"), await Lab.SendAsync(HttpMethod.Get, "maas/?op=get_config"));
        var (status, body) = await Lab.SendAsync(HttpMethod.Get, "maas/?op=get_config&name=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("nonsense is not a valid config setting (valid settings are: ", (string?)JsonNode.Parse(body)!["nonsense"]![0]);
        Assert.Equal("false", (await Lab.SendAsync(HttpMethod.Get, "maas/?op=get_config&name=enable_disk_erasing_on_release")).Body);
    }

    /// <summary>
    /// api/machines.py DISPLAYED_MACHINE_FIELDS: a VM host's machine shows its boot disk, block devices, VM id, and the
    /// "virtual" tag commissioning gives a VM (metadataserver/builtin_scripts/hooks.py).
    /// </summary>
    [Fact]
    public async Task Pod_machines_carry_their_boot_disk_block_devices_and_virtual_machine_id()
    {
        var machine = await Lab.GetJsonAsync($"machines/{Lab.IdOf("openstack0")}/");

        Assert.Equal(64L << 30, (long)machine["boot_disk"]!["size"]!);
        Assert.Equal("vda", (string?)machine["blockdevice_set"]![0]!["name"]);
        Assert.Equal((int)machine["boot_disk"]!["id"]!, (int)machine["physicalblockdevice_set"]![0]!["id"]!);
        Assert.NotNull(machine["virtualmachine_id"]);
        Assert.Equal(["virtual"], machine["tag_names"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(["openstack0", "openstack1", "openstack2", "openstack3"],
            (await Lab.GetJsonAsync("machines/?tags=virtual")).AsArray().Select(m => (string)m!["hostname"]!));
    }

    /// <summary>
    /// api/machines.py MachinesHandler.release (what Juju's provider calls): unknown ids are 400 "Unknown machine(s)";
    /// one machine that cannot release fails the call with 409 and, the transaction rolled back, releases none.
    /// </summary>
    [Fact]
    public async Task Bulk_release_returns_the_released_ids_and_refuses_unknown_ids_and_wrong_states_without_releasing_any()
    {
        var ready = await Lab.CreateReadyMachineAsync("vm-ready", "52:54:00:ee:03:05");
        var newMachine = (string)(await Lab.PostJsonAsync("machines/", ("hostname", "vm-new2"), ("architecture", "amd64"),
            ("power_type", "manual"), ("mac_addresses", "52:54:00:ee:03:06"), ("commission", "false")))["system_id"]!;
        var host = Lab.IdOf("openstack2");

        Assert.Equal((HttpStatusCode.BadRequest, "Unknown machine(s): nosuch."),
            await Lab.SendAsync(HttpMethod.Post, "machines/?op=release", ("machines", host), ("machines", "nosuch")));
        Assert.Equal((HttpStatusCode.Conflict, $"Machine(s) cannot be released in their current state: {newMachine} ('New')."),
            await Lab.SendAsync(HttpMethod.Post, "machines/?op=release", ("machines", host), ("machines", newMachine)));
        Assert.Equal("Deployed", (string?)(await Lab.GetJsonAsync($"machines/{host}/"))["status_name"]);

        var released = await Lab.PostJsonAsync("machines/?op=release", ("machines", host), ("machines", ready));

        Assert.Equal([host], released.AsArray().Select(i => (string)i!));
        Assert.Equal("Releasing", (string?)(await Lab.GetJsonAsync($"machines/{host}/"))["status_name"]);
    }

    /// <summary>Issue 15 and the runbook's observation: a released seeded host leaves MAAS, its domain stays defined, shut off.</summary>
    [Fact]
    public async Task A_released_site_host_leaves_maas_and_its_domain_stays_defined_and_shut_off()
    {
        await Lab.PostJsonAsync("machines/?op=release", ("machines", Lab.IdOf("openstack1")));
        Lab.Time.Advance(Lab.Cloud.Timings.Releasing);

        Assert.Empty((await Lab.GetJsonAsync("machines/?hostname=openstack1")).AsArray());
        Assert.Equal(DomainState.ShutOff, Lab.Cloud.Hypervisor.StateOf("openstack1"));
    }

    private async Task<string> DeployedEnlistedMachineAsync(string hostname, string mac)
    {
        var id = await Lab.CreateReadyMachineAsync(hostname, mac);
        await Lab.PostJsonAsync("machines/?op=allocate", ("system_id", id));
        await Lab.PostJsonAsync($"machines/{id}/?op=deploy");
        Lab.Time.Advance(Lab.Cloud.Timings.Deploying);
        Assert.Equal("Deployed", (string?)(await Lab.GetJsonAsync($"machines/{id}/"))["status_name"]);
        return id;
    }
}
