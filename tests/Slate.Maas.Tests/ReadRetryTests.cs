using Microsoft.Extensions.Time.Testing;
using Slate.Maas.Errors;
using Slate.Maas.Tests.Support;

namespace Slate.Maas.Tests;

public sealed class ReadRetryTests
{
    [Fact]
    public async Task A_get_answered_503_is_retried_after_Retry_After_on_the_injected_clock()
    {
        await using var server = await FakeMaasServer.StartAsync((_, index) => index == 0
            ? new CannedResponse(503, "rack unavailable", "text/plain", RetryAfterSeconds: 20)
            : CannedResponse.Json(TestClients.Fixture("maas37-example__subnets__read.json")),
            MaasRoute.Get("subnets/"));
        var time = new FakeTimeProvider();
        using var client = TestClients.For(server, time);

        var subnets = await TestClients.DriveAsync(client.Subnets.ListAsync(), time, TimeSpan.FromSeconds(1));

        Assert.Equal(7, subnets.Count);
        Assert.Equal(2, client.RequestCount);
        var first = long.Parse(OAuthHeader.Parse(server.Requests[0].Authorization)["oauth_timestamp"]);
        var second = long.Parse(OAuthHeader.Parse(server.Requests[1].Authorization)["oauth_timestamp"]);
        // Without Retry-After the first backoff is 1 s; 20 s is far beyond what the driving loop adds in between.
        Assert.True(second - first >= 20, $"retried after {second - first} s of fake time, before Retry-After (20 s)");
    }

    [Fact]
    public async Task A_get_answered_409_with_Retry_After_is_retried()
    {
        await using var server = await FakeMaasServer.StartAsync((_, index) => index == 0
            ? new CannedResponse(409, "", RetryAfterSeconds: 2)
            : CannedResponse.Json("[]"),
            MaasRoute.Get("spaces/"));
        var time = new FakeTimeProvider();
        using var client = TestClients.For(server, time);

        var spaces = await TestClients.DriveAsync(client.Spaces.ListAsync(), time, TimeSpan.FromSeconds(1));

        Assert.Empty(spaces);
        Assert.Equal(2, client.RequestCount);
    }

    [Fact]
    public async Task A_get_answered_409_without_Retry_After_is_a_conflict_at_once()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(409, "locked", "text/plain"), MaasRoute.Get("fabrics/"));
        using var client = TestClients.For(server);

        await Assert.ThrowsAsync<MaasConflictException>(() => client.Fabrics.ListAsync());
        Assert.Equal(1, client.RequestCount);
    }

    [Fact]
    public async Task A_get_whose_connection_drops_is_retried()
    {
        await using var server = await FakeMaasServer.StartAsync((_, index) => index == 0
            ? new CannedResponse(200, Abort: true)
            : CannedResponse.Json(TestClients.Fixture("maas37-example__fabrics__read.json")),
            MaasRoute.Get("fabrics/"));
        var time = new FakeTimeProvider();
        using var client = TestClients.For(server, time);

        var fabrics = await TestClients.DriveAsync(client.Fabrics.ListAsync(), time, TimeSpan.FromSeconds(1));

        Assert.Equal(14, fabrics.Count);
        Assert.Equal(2, client.RequestCount);
    }

    [Fact]
    public async Task The_retry_budget_bounds_the_attempts_then_the_503_surfaces()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(503, "down", "text/plain", RetryAfterSeconds: 1),
            MaasRoute.Get("vm-hosts/"));
        var time = new FakeTimeProvider();
        using var client = TestClients.For(server, time, retryBudget: 2);

        var error = await Assert.ThrowsAsync<MaasUnavailableException>(
            () => TestClients.DriveAsync(client.VmHosts.ListAsync(), time, TimeSpan.FromSeconds(1)));

        Assert.Equal("down", error.Body);
        Assert.Equal(3, client.RequestCount);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_get_answered_504_is_retried_and_never_called_an_unknown_outcome()
    {
        // 504 is MAAS's RPC timeout: harmless to repeat for a read, and a read has no "outcome" to re-check.
        await using var server = await FakeMaasServer.StartAsync((_, index) => index == 0
            ? new CannedResponse(504, "Timed out", "text/plain")
            : CannedResponse.Json("[]"),
            MaasRoute.Get("spaces/"));
        var time = new FakeTimeProvider();
        using var client = TestClients.For(server, time);

        Assert.Empty(await TestClients.DriveAsync(client.Spaces.ListAsync(), time, TimeSpan.FromSeconds(1)));
        Assert.Equal(2, client.RequestCount);

        server.Responder = (_, _) => new CannedResponse(504, "Timed out", "text/plain");
        using var once = TestClients.For(server, retryBudget: 0);
        var error = await Assert.ThrowsAnyAsync<MaasApiException>(() => once.Spaces.ListAsync());
        Assert.IsNotType<MaasOutcomeUnknownException>(error);
        Assert.Equal(System.Net.HttpStatusCode.GatewayTimeout, error.StatusCode);
    }

    [Fact]
    public async Task Retry_After_given_as_an_http_date_is_waited_for_on_the_injected_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var until = time.GetUtcNow().AddSeconds(25).ToString("R");
        await using var server = await FakeMaasServer.StartAsync((_, index) => index == 0
            ? new CannedResponse(503, "busy", "text/plain", RetryAfterDate: until)
            : CannedResponse.Json("[]"),
            MaasRoute.Get("spaces/"));
        using var client = TestClients.For(server, time);

        await TestClients.DriveAsync(client.Spaces.ListAsync(), time, TimeSpan.FromSeconds(1));

        var first = long.Parse(OAuthHeader.Parse(server.Requests[0].Authorization)["oauth_timestamp"]);
        var second = long.Parse(OAuthHeader.Parse(server.Requests[1].Authorization)["oauth_timestamp"]);
        Assert.InRange(second - first, 25, 40);
    }
}
