using Slate.Lab.Cloud;
using Slate.Maas;
using Slate.Maas.Errors;

namespace Slate.Lab.Tests.Faults;

/// <summary>The real MAAS client against a sick lab: reads are retried through the faults, a lost write is outcome-unknown.</summary>
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
}
