using System.Net;
using Slate.Lab.Cloud;
using Slate.Runbook.Ports;

namespace Slate.Lab.Tests;

/// <summary>
/// A virsh machine MAAS cannot power: models/node.py start_commissioning answers Commissioning, the post-commit power-on
/// fails, and _start_bmc_unavailable puts it back where it was with a NODE_POWER_QUERY_FAILED event; the rack's power
/// query then reports "error" (provisioningserver/rpc/power.py). The virsh driver's texts are drivers/power/virsh.py's.
/// </summary>
public sealed class PowerFailureTests : LabTestClass
{
    private const string Aborted = "Failed to query node's BMC - (admin) - Aborting COMMISSIONING and reverting to NEW. " +
        "Unable to power control the node. Please check power credentials.";

    [Fact]
    public async Task A_wrong_password_answers_commissioning_then_falls_back_to_new_with_maas_message_and_power_error_and_never_starts_the_domain()
    {
        var id = await EnlistReleasedHostAsync("openstack2", password: "not-the-password");

        Assert.Equal("Commissioning", (string?)(await Lab.GetJsonAsync($"machines/{id}/"))["status_name"]);
        Lab.Time.Advance(Lab.Cloud.Timings.PowerAttempt);

        var machine = await Lab.GetJsonAsync($"machines/{id}/");
        Assert.Equal(("New", Aborted, "error"), ((string?)machine["status_name"], (string?)machine["status_message"], (string?)machine["power_state"]));
        Assert.Equal(DomainState.ShutOff, Lab.Cloud.Hypervisor.StateOf("openstack2"));
        Assert.Contains(Lab.Cloud.Events, e => e.Message == $"openstack2 ({id}): power on failed (Failed to login to virsh console.), back to New");
        Lab.Time.Advance(Lab.Cloud.Timings.Commissioning + Lab.Cloud.Timings.Testing);
        Assert.Equal("New", (string?)(await Lab.GetJsonAsync($"machines/{id}/"))["status_name"]);
    }

    [Fact]
    public async Task With_the_power_set_right_the_same_machine_commissions_to_ready()
    {
        var id = await EnlistReleasedHostAsync("openstack2", password: "not-the-password");
        Lab.Time.Advance(Lab.Cloud.Timings.PowerAttempt);

        var (put, body) = await Lab.SendAsync(HttpMethod.Put, $"machines/{id}/", ("power_parameters_power_pass", Lab.Cloud.Pods.Pod.PowerPassword));
        Assert.True(put == HttpStatusCode.OK, body);
        Assert.Equal("Commissioning", (string?)(await Lab.PostJsonAsync($"machines/{id}/?op=commission"))["status_name"]);
        Assert.Equal(DomainState.Running, Lab.Cloud.Hypervisor.StateOf("openstack2"));
        Lab.Time.Advance(Lab.Cloud.Timings.Commissioning + Lab.Cloud.Timings.Testing);

        Assert.Equal("Ready", (string?)(await Lab.GetJsonAsync($"machines/{id}/"))["status_name"]);
    }

    [Theory]
    [InlineData("qemu+ssh://someone@10.99.0.1/system", "openstack2", "Failed to login to virsh console.")]
    [InlineData(null, "no-such-domain", "Failed to get domain: no-such-domain")]
    public async Task Another_power_address_fails_the_login_and_an_unknown_domain_fails_to_be_found(string? address, string domain, string cause)
    {
        await ReleaseAsync("openstack2");
        var power = new Dictionary<string, string>
        {
            ["power_address"] = address ?? Lab.Cloud.Pods.Pod.PowerAddress, ["power_id"] = domain, ["power_pass"] = Lab.Cloud.Pods.Pod.PowerPassword,
        };
        var macs = Lab.Cloud.Hypervisor.NicsOf("openstack2").Select(n => n.Mac).ToList();

        var machine = Lab.Cloud.Machines.Create(new MachineSpec("openstack2", "amd64/generic", macs, "virsh", power, Commission: true));
        Lab.Time.Advance(Lab.Cloud.Timings.PowerAttempt);

        Assert.Equal(NodeStatus.New, Lab.Cloud.Machines.FindByHostname("openstack2")!.Status);
        Assert.Contains(Lab.Cloud.Events, e => e.Message == $"openstack2 ({machine.SystemId}): power on failed ({cause}), back to New");
    }

    [Fact]
    public void A_manual_machine_is_never_powered_so_its_commissioning_is_not_aborted()
    {
        var machine = Lab.Cloud.Machines.Create(new MachineSpec("spare", "amd64/generic", ["52:54:00:aa:bb:01"], "manual", new Dictionary<string, string>(), Commission: true));
        Lab.Time.Advance(Lab.Cloud.Timings.PowerAttempt);

        Assert.Equal(NodeStatus.Commissioning, Lab.Cloud.Machines.FindByHostname("spare")!.Status);
        Assert.Equal("unknown", machine.PowerState);
    }

    private async Task ReleaseAsync(string host)
    {
        await Lab.PostJsonAsync("machines/?op=release", ("machines", Lab.IdOf(host)));
        Lab.Time.Advance(Lab.Cloud.Timings.Releasing);
    }

    private async Task<string> EnlistReleasedHostAsync(string host, string password)
    {
        await ReleaseAsync(host);
        List<(string, string)> form =
        [
            ("hostname", host), ("architecture", "amd64/generic"), ("power_type", "virsh"),
            ("power_parameters_power_address", Lab.Cloud.Pods.Pod.PowerAddress), ("power_parameters_power_id", host),
            ("power_parameters_power_pass", password),
        ];
        form.AddRange(Lab.Cloud.Hypervisor.NicsOf(host).Select(n => ("mac_addresses", n.Mac)));
        var created = await Lab.PostJsonAsync("machines/", [.. form]);
        Assert.Equal("Commissioning", (string?)created["status_name"]);
        return (string)created["system_id"]!;
    }
}
