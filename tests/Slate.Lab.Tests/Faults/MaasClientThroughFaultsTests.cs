using Slate.Lab.Cloud;
using Slate.Maas;
using Slate.Maas.Errors;
using Slate.Maas.Ports;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;

namespace Slate.Lab.Tests.Faults;

/// <summary>
/// The real MAAS client against a sick lab: reads are retried through the faults, a lost write is outcome-unknown, a
/// rolled-back write is sent again by the steps' one write retry and a state conflict is not.
/// </summary>
public sealed class MaasClientThroughFaultsTests
{
    [Fact]
    public async Task Reads_succeed_through_half_503s_and_the_request_count_shows_the_retries()
    {
        // Seed 1 never draws five 503s in a row for these reads (the client retries a read 4 times); seed 5 does.
        await using var lab = await LabHarness.StartAsync("503=0.5:0", "seed=1");
        using var client = new MaasClient(new MaasCredentials(lab.Server.MaasUrl, lab.Server.ApiKey));

        const int Reads = 6;
        for (var i = 0; i < Reads / 2; i++)
        {
            Assert.Equal(8, (await client.Machines.ListAsync()).Count);
            Assert.Equal("openstack2", (await client.Machines.GetAsync(lab.IdOf("openstack2"))).Hostname);
        }

        var injected = lab.Cloud.Events.Count(e => e.Source == "fault" && e.Message.StartsWith("503 on GET", StringComparison.Ordinal));
        Assert.True(injected > 0, "the seed should inject some 503s");
        Assert.Equal(Reads + injected, client.RequestCount);
    }

    [Fact]
    public async Task A_read_whose_response_is_lost_is_retried()
    {
        await using var lab = await LabHarness.StartAsync("lost=0.5", "seed=1");
        // No Retry-After on a dropped connection: the client backs off exponentially, capped here to keep the test quick.
        using var client = new MaasClient(new MaasCredentials(lab.Server.MaasUrl, lab.Server.ApiKey),
            new MaasClientOptions { MaxRetryDelay = TimeSpan.FromMilliseconds(1) });

        for (var i = 0; i < 6; i++) Assert.Equal(8, (await client.Machines.ListAsync()).Count);

        var lost = lab.Cloud.Events.Count(e => e.Source == "fault" && e.Message.StartsWith("lost the response to GET", StringComparison.Ordinal));
        Assert.True(lost > 0, "the seed should lose some responses");
        Assert.Equal(6 + lost, client.RequestCount);
    }

    [Fact]
    public async Task A_lost_commission_is_outcome_unknown_yet_applied()
    {
        await using var lab = await LabHarness.StartAsync("lost=1");
        var machine = lab.Cloud.Machines.Create(new MachineSpec("spare", "amd64/generic", ["52:54:00:aa:bb:01"], "manual", new Dictionary<string, string>(), Commission: false));
        using var client = new MaasClient(new MaasCredentials(lab.Server.MaasUrl, lab.Server.ApiKey));

        await Assert.ThrowsAsync<MaasOutcomeUnknownException>(() => client.Machines.CommissionAsync(machine.SystemId));

        Assert.Equal(NodeStatus.Commissioning, lab.Cloud.Machines.Get(machine.SystemId).Status);
        Assert.Equal(1, client.RequestCount);
    }

    [Fact]
    public async Task Writes_the_lab_rolled_back_are_sent_again_once_per_conflict_and_done_once()
    {
        // Seed 1 draws 3, 0, 2 and 1 conflicts in a row for these four writes: never the six that exhaust the attempts.
        await using var lab = await LabHarness.StartAsync("409=0.5:0", "seed=1");
        using var port = new MaasPort(new MaasClient(new MaasCredentials(lab.Server.MaasUrl, lab.Server.ApiKey)));
        string[] hosts = ["openstack0", "openstack1", "openstack2", "openstack3"];

        foreach (var host in hosts)
            await MaasWrites.SendAsync(() => port.DeleteMachineAsync(lab.IdOf(host), CancellationToken.None), TimeProvider.System, CancellationToken.None);

        var conflicts = lab.Cloud.Events.Count(e => e.Source == "fault" && e.Message.StartsWith("409 on DELETE", StringComparison.Ordinal));
        Assert.Equal(6, conflicts);
        Assert.Equal(hosts.Length + conflicts, lab.Server.Requests.Count(r => r.Method == "DELETE"));
        var deleted = lab.Cloud.Events.Where(e => e.Source == "maas" && e.Message.StartsWith("delete ", StringComparison.Ordinal)).Select(e => e.Message.Split(' ')[1]);
        Assert.Equal(hosts, deleted);
    }

    [Fact]
    public async Task A_state_conflict_reaches_the_steps_refused_with_the_labs_text_and_is_sent_once()
    {
        await using var lab = await LabHarness.StartAsync("409-state=1");
        using var port = new MaasPort(new MaasClient(new MaasCredentials(lab.Server.MaasUrl, lab.Server.ApiKey)));
        var id = lab.IdOf("capi-mgmt");

        var error = await Assert.ThrowsAsync<MaasException>(() =>
            MaasWrites.SendAsync(() => port.DeleteMachineAsync(id, CancellationToken.None), TimeProvider.System, CancellationToken.None));

        Assert.Equal(MaasFailure.Refused, error.Failure);
        Assert.Null(error.RetryAfter);
        Assert.EndsWith("409 Conflict: Cannot do this to the object in its current state (lab fault injection: a state conflict).", error.Message, StringComparison.Ordinal);
        Assert.Single(lab.Server.Requests, r => r.Method == "DELETE");
        Assert.NotNull(lab.Cloud.Machines.FindByHostname("capi-mgmt"));
    }
}
