using Slate.Maas.Ports;
using Slate.Maas.Tests.Support;

namespace Slate.Maas.Tests;

/// <summary>The runbook's MAAS port: hostnames are read in filtered chunks, answers become the runbook's records.</summary>
public sealed class MaasPortTests
{
    [Fact]
    public async Task Sixty_hostnames_are_read_in_two_filtered_calls_of_50_and_10()
    {
        var names = Enumerable.Range(0, 60).Select(i => $"node-{i:00}").ToArray();
        var machine = TestClients.Fixture("maas37-example__machines__create-virsh-commissioning.json");
        await using var server = await FakeMaasServer.StartAsync((_, index) => CannedResponse.Json(index == 0 ? $"[{machine}]" : "[]"),
            MaasRoute.Get("machines/", [.. names[..50].Select(n => ("hostname", n))]),
            MaasRoute.Get("machines/", [.. names[50..].Select(n => ("hostname", n))]));
        using var client = TestClients.For(server);

        var found = await new MaasPort(client).FindMachinesAsync(names, CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        var only = Assert.Single(found);
        Assert.Equal(("p37gqk", "ready-badger", 1, "Commissioning", "unknown"), (only.SystemId, only.Hostname, only.Status, only.StatusName, only.PowerState));
        Assert.Single(only.Interfaces);
    }

    [Fact]
    public async Task Spaces_carry_the_cidrs_of_their_subnets()
    {
        await using var server = await FakeMaasServer.StartAsync(TestClients.Fixture("gomaasapi__space_test__spacesResponse.json"), MaasRoute.Get("spaces/"));
        using var client = TestClients.For(server);

        var spaces = await new MaasPort(client).ListSpacesAsync(CancellationToken.None);

        Assert.Contains("192.168.122.0/24", spaces[0].Cidrs);
    }
}
