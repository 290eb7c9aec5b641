using System.Net;
using System.Text.Json.Nodes;
using Slate.Lab.Hypervisor;

namespace Slate.Lab.Tests;

/// <summary>Machines made from the hypervisor's domains: add_chassis, pod refresh, and MAAS's refusal of a known MAC.</summary>
public sealed class EnlistmentTests : LabTestClass
{
    /// <summary>
    /// api/machines.py add_chassis answers 200 text "Asking RACK to add machines from chassis HOST" at once; the rack's
    /// virsh probe (provisioningserver/drivers/hardware/virsh.py probe_virsh_and_enlist) enlists each domain later
    /// (prefix_filter applies) as New, and accept_all then commissions it.
    /// </summary>
    [Fact]
    public async Task Add_chassis_virsh_answers_at_once_and_enlists_the_released_hosts_domain_later_as_new_then_commissioning()
    {
        var pod = Lab.Cloud.Pods.Pod;
        await Lab.PostJsonAsync("machines/?op=release", ("machines", Lab.IdOf("openstack2")));
        Lab.Time.Advance(Lab.Cloud.Timings.Releasing);

        var (status, body) = await Lab.SendAsync(HttpMethod.Post, "machines/?op=add_chassis", ("chassis_type", "virsh"),
            ("hostname", pod.PowerAddress), ("password", pod.PowerPassword), ("prefix_filter", "openstack"), ("accept_all", "true"));

        Assert.Equal((HttpStatusCode.OK, $"Asking caracal-testcloud to add machines from chassis {pod.PowerAddress}"), (status, body));
        Assert.Empty((await Lab.GetJsonAsync("machines/?hostname=openstack2")).AsArray());
        Lab.Time.Advance(Lab.Cloud.Timings.ChassisProbe);
        var enlisted = (await Lab.GetJsonAsync("machines/?hostname=openstack2")).AsArray().Single()!;
        Assert.Equal("New", (string?)enlisted["status_name"]);
        Assert.Equal(["eth0", "eth1", "eth2", "eth3", "eth4", "eth5"], enlisted["interface_set"]!.AsArray().Select(i => (string)i!["name"]!));
        Lab.Time.Advance(Lab.Cloud.Timings.ChassisProbe);
        Assert.Equal("Commissioning", (string?)(await Lab.GetJsonAsync($"machines/{enlisted["system_id"]}/"))["status_name"]);
        Lab.Time.Advance(Lab.Cloud.Timings.Commissioning + Lab.Cloud.Timings.Testing);
        var ready = await Lab.GetJsonAsync($"machines/{enlisted["system_id"]}/");
        Assert.Equal("Ready", (string?)ready["status_name"]);
        Assert.Equal(["enp1s0", "enp7s0", "enp8s0", "enp9s0", "enp10s0", "enp11s0"],
            ready["interface_set"]!.AsArray().Select(i => (string)i!["name"]!));
        Assert.Equal("enp7s0", (string?)ready["boot_interface"]!["name"]);
        // Only the PXE NIC gets a lease; the others land on a new fabric each (the default VLAN is the other hosts').
        var vlans = ready["interface_set"]!.AsArray().Select(i => ((string)i!["vlan"]!["space"]!, (string)i["vlan"]!["fabric"]!)).ToList();
        Assert.Equal(["undefined", "metal-admin", "undefined", "undefined", "undefined", "undefined"], vlans.Select(v => v.Item1));
        Assert.Equal(5, vlans.Where(v => v.Item1 == "undefined").Select(v => v.Item2).Distinct().Count());
        Assert.Single((await Lab.GetJsonAsync("machines/?hostname=openstack0")).AsArray()); // known MACs: not enlisted twice
    }

    /// <summary>
    /// Runbook Step 5's path: a torn-down host re-enlisted by `POST machines` with virsh power on its surviving domain
    /// commissions to the runbook's NIC names on the planes' VLANs, and, not composed by MAAS, is not dynamic.
    /// </summary>
    [Fact]
    public async Task A_torn_down_host_re_enlisted_by_post_machines_gets_the_runbooks_names_and_is_not_dynamic()
    {
        await Lab.PostJsonAsync("machines/?op=release", ("machines", Lab.IdOf("openstack3")));
        Lab.Time.Advance(Lab.Cloud.Timings.Releasing);
        List<(string, string)> form = [("hostname", "openstack3"), ("architecture", "amd64/generic"), ("power_type", "virsh"), .. Lab.PodPower("openstack3")];
        form.AddRange(Lab.Cloud.Hypervisor.NicsOf("openstack3").Select(n => ("mac_addresses", n.Mac)));

        var id = (string)(await Lab.PostJsonAsync("machines/", [.. form]))["system_id"]!;
        Lab.Time.Advance(Lab.Cloud.Timings.Commissioning + Lab.Cloud.Timings.Testing);

        var nics = (await Lab.GetJsonAsync($"nodes/{id}/interfaces/")).AsArray();
        Assert.Equal(["enp1s0", "enp7s0", "enp8s0", "enp9s0", "enp10s0", "enp11s0"], nics.Select(i => (string)i!["name"]!));
        Assert.Equal("metal-admin", (string?)nics[1]!["vlan"]!["space"]);
        Assert.Equal(["auto"], nics[1]!["links"]!.AsArray().Select(l => (string)l!["mode"]!));
        Assert.Equal(["link_up"], nics[2]!["links"]!.AsArray().Select(l => (string)l!["mode"]!));
        await Lab.PostJsonAsync("machines/?op=allocate", ("system_id", id));
        await Lab.PostJsonAsync($"machines/{id}/?op=release");
        Assert.Equal("Ready", (string?)(await Lab.GetJsonAsync($"machines/{id}/"))["status_name"]);
    }

    /// <summary>
    /// metadataserver/builtin_scripts/network.py update_physical_interface: commissioning get_or_creates an interface for
    /// every NIC it reports, so a host enlisted with its boot MAC only ends with all its NICs, the boot one PXE's.
    /// </summary>
    [Fact]
    public async Task A_host_enlisted_with_only_its_boot_mac_gets_every_nic_of_its_domain_from_commissioning()
    {
        await Lab.PostJsonAsync("machines/?op=release", ("machines", Lab.IdOf("openstack1")));
        Lab.Time.Advance(Lab.Cloud.Timings.Releasing);
        var bootMac = Lab.Cloud.Hypervisor.NicsOf("openstack1").Single(n => n.KernelName == "enp7s0").Mac;

        var id = (string)(await Lab.PostJsonAsync("machines/", [("hostname", "openstack1"), ("architecture", "amd64/generic"), ("power_type", "virsh"),
            ("mac_addresses", bootMac), .. Lab.PodPower("openstack1")]))["system_id"]!;
        Lab.Time.Advance(Lab.Cloud.Timings.Commissioning + Lab.Cloud.Timings.Testing);

        var ready = await Lab.GetJsonAsync($"machines/{id}/");
        Assert.Equal("Ready", (string?)ready["status_name"]);
        Assert.Equal(["enp10s0", "enp11s0", "enp1s0", "enp7s0", "enp8s0", "enp9s0"],
            ready["interface_set"]!.AsArray().Select(i => (string)i!["name"]!).Order(StringComparer.Ordinal));
        Assert.Equal(bootMac, (string?)ready["boot_interface"]!["mac_address"]);
    }

    [Fact]
    public async Task Add_chassis_virsh_refuses_a_username_and_needs_a_hostname_as_maas_does()
    {
        Assert.Equal((HttpStatusCode.BadRequest, "username can not be specified when using the virsh chassis."),
            await Lab.SendAsync(HttpMethod.Post, "machines/?op=add_chassis", ("chassis_type", "virsh"), ("hostname", "qemu:///x"), ("username", "u")));
        Assert.Equal((HttpStatusCode.BadRequest, "No provided hostname!"),
            await Lab.SendAsync(HttpMethod.Post, "machines/?op=add_chassis", ("chassis_type", "virsh")));
    }

    /// <summary>models/bmc.py (pod sync): a new domain becomes a machine that commissions; a vanished one's machine is deleted.</summary>
    [Fact]
    public async Task Pod_refresh_enlists_new_domains_and_deletes_machines_whose_domain_is_gone()
    {
        Lab.DefineDomain("vm-new", "52:54:00:ee:04:01", "52:54:00:ee:04:02");
        var gone = await Lab.CreateReadyMachineAsync("vm-gone", "52:54:00:ee:04:03");
        Lab.Cloud.Hypervisor.UndefineWithStorage("vm-gone");

        var pod = await Lab.PostJsonAsync("pods/1/?op=refresh");

        Assert.Equal("virsh", (string?)pod["type"]);
        Assert.Equal("Commissioning", (string?)(await Lab.GetJsonAsync("machines/?hostname=vm-new")).AsArray().Single()!["status_name"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Lab.SendAsync(HttpMethod.Get, $"machines/{gone}/")).Status);
    }

    /// <summary>api/pods.py compose (3.7): a composed machine commissions, is dynamic, and leaves MAAS when released.</summary>
    [Fact]
    public async Task A_composed_machine_commissions_and_leaves_maas_when_released()
    {
        var composed = await Lab.PostJsonAsync("pods/1/?op=compose", ("hostname", "vm-composed"));
        var id = (string)composed["system_id"]!;
        Assert.Equal($"/MAAS/api/2.0/machines/{id}/", (string?)composed["resource_uri"]);
        Lab.Time.Advance(Lab.Cloud.Timings.Commissioning + Lab.Cloud.Timings.Testing);
        var ready = await Lab.GetJsonAsync($"machines/{id}/");
        Assert.Equal("Ready", (string?)ready["status_name"]);
        Assert.Equal("enp1s0", (string?)ready["boot_interface"]!["name"]);

        await Lab.PostJsonAsync("machines/?op=allocate", ("system_id", id));
        await Lab.PostJsonAsync($"machines/{id}/?op=release");
        Lab.Time.Advance(Lab.Cloud.Timings.Releasing);

        Assert.Equal(HttpStatusCode.NotFound, (await Lab.SendAsync(HttpMethod.Get, $"machines/{id}/")).Status);
    }

    /// <summary>
    /// api/pods.py delete and models/bmc.py async_delete (3.7): every machine of the pod leaves MAAS; without decompose
    /// the domains stay, the pod is gone (404), and a virsh machine created later is no pod VM.
    /// </summary>
    [Fact]
    public async Task Deleting_the_pod_removes_its_machines_from_maas_and_keeps_their_domains()
    {
        var podMachines = Lab.Cloud.Machines.Where(m => m.Pod is not null).Select(m => m.Hostname).ToList();
        Assert.NotEmpty(podMachines);
        var domains = Lab.Cloud.Hypervisor.DomainNames.ToList();

        Assert.Equal(HttpStatusCode.NoContent, (await Lab.SendAsync(HttpMethod.Delete, "pods/1/")).Status);

        Assert.All(podMachines, host => Assert.Null(Lab.Cloud.Machines.FindByHostname(host)));
        Assert.Equal(domains, Lab.Cloud.Hypervisor.DomainNames);
        Assert.Empty((await Lab.GetJsonAsync("pods/")).AsArray());
        Assert.Equal((HttpStatusCode.NotFound, "No Pod matches the given query."), await Lab.SendAsync(HttpMethod.Get, "vm-hosts/1/"));
        Assert.Equal(HttpStatusCode.NotFound, (await Lab.SendAsync(HttpMethod.Delete, "pods/1/")).Status);
        var id = await Lab.CreateReadyMachineAsync("vm-after", "52:54:00:ee:04:05");
        Assert.Null(Lab.Cloud.Machines.Get(id).Pod);
    }

    /// <summary>models/bmc.py async_delete (3.7) with decompose: each machine's VM is decomposed (virsh driver: destroyed, undefined with its storage) before it leaves MAAS.</summary>
    [Fact]
    public async Task Deleting_the_pod_with_decompose_undefines_its_machines_domains()
    {
        var podMachines = Lab.Cloud.Machines.Where(m => m.Pod is not null).Select(m => m.Hostname).ToList();
        Assert.Contains("openstack0", podMachines);

        Assert.Equal(HttpStatusCode.NoContent, (await Lab.SendAsync(HttpMethod.Delete, "vm-hosts/1/?decompose=true")).Status);

        Assert.All(podMachines, host => Assert.False(Lab.Cloud.Hypervisor.HasDomain(host)));
        Assert.DoesNotContain(Lab.Cloud.Machines, m => podMachines.Contains(m.Hostname));
    }

    [Fact]
    public async Task Deleting_an_unknown_pod_is_404()
    {
        Assert.Equal((HttpStatusCode.NotFound, "No Pod matches the given query."), await Lab.SendAsync(HttpMethod.Delete, "pods/7/"));
        Assert.Single((await Lab.GetJsonAsync("pods/")).AsArray());
    }

    /// <summary>forms/__init__.py clean_mac_addresses: a MAC MAAS knows is refused, naming the machine that has it.</summary>
    [Fact]
    public async Task A_second_post_machines_with_a_known_mac_is_refused()
    {
        Lab.DefineDomain("vm-twice", "52:54:00:ee:04:04");
        await Lab.PostJsonAsync("machines/", ("hostname", "vm-twice"), ("architecture", "amd64"), ("power_type", "virsh"),
            ("mac_addresses", "52:54:00:ee:04:04"));

        var (status, body) = await Lab.SendAsync(HttpMethod.Post, "machines/", ("hostname", "vm-twice-2"), ("architecture", "amd64"),
            ("power_type", "virsh"), ("mac_addresses", "52:54:00:ee:04:04"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MAC address 52:54:00:ee:04:04 already in use on vm-twice.", (string?)JsonNode.Parse(body)!["mac_addresses"]![0]);
    }
}
