using Microsoft.Extensions.Time.Testing;
using Slate.Maas.Errors;
using Slate.Maas.Tests.Support;

namespace Slate.Maas.Tests;

/// <summary>How long a retried read waits, measured on the injected clock through the OAuth timestamps of the attempts.</summary>
public sealed class RetryDelayTests
{
    // Small fake-time steps, so the real time a request takes adds little to the gaps measured.
    private static readonly TimeSpan FineStep = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task A_Retry_After_longer_than_the_cap_is_waited_only_up_to_MaxRetryDelay()
    {
        await using var server = await FakeMaasServer.StartAsync((_, index) => index == 0
                ? new CannedResponse(503, "busy", "text/plain", RetryAfterSeconds: 3600)
                : CannedResponse.Json("[]"),
            MaasRoute.Get("spaces/"));
        var time = new FakeTimeProvider();
        using var client = ClientWith(server, time, maxRetryDelay: TimeSpan.FromSeconds(30));

        await TestClients.DriveAsync(client.Spaces.ListAsync(), time, FineStep);

        Assert.InRange(Gaps(server)[0], 30, 35);
    }

    [Fact]
    public async Task Without_Retry_After_the_waits_double_from_one_second()
    {
        await using var server = await FakeMaasServer.StartAsync((_, index) => index < 3
                ? new CannedResponse(503, "busy", "text/plain")
                : CannedResponse.Json("[]"),
            MaasRoute.Get("spaces/"));
        var time = new FakeTimeProvider();
        using var client = ClientWith(server, time, maxRetryDelay: TimeSpan.FromSeconds(30));

        await TestClients.DriveAsync(client.Spaces.ListAsync(), time, FineStep);

        var gaps = Gaps(server);
        Assert.Equal(3, gaps.Count);
        Assert.InRange(gaps[0], 1, 3);
        Assert.InRange(gaps[1], 2, 4);
        Assert.InRange(gaps[2], 4, 6);
    }

    [Fact]
    public async Task A_Retry_After_date_already_past_is_retried_at_once()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var past = time.GetUtcNow().AddMinutes(-5).ToString("R");
        await using var server = await FakeMaasServer.StartAsync((_, index) => index == 0
                ? new CannedResponse(503, "busy", "text/plain", RetryAfterDate: past)
                : CannedResponse.Json("[]"),
            MaasRoute.Get("spaces/"));
        using var client = ClientWith(server, time, maxRetryDelay: TimeSpan.FromSeconds(30));

        Assert.Empty(await TestClients.DriveAsync(client.Spaces.ListAsync(), time, TimeSpan.FromMilliseconds(50)));
        // The default backoff would wait a whole second.
        Assert.Equal(0, Gaps(server)[0]);
    }

    [Fact]
    public async Task A_read_that_times_out_is_retried()
    {
        await using var server = await FakeMaasServer.StartAsync((_, index) => index == 0
                ? new CannedResponse(200, Hang: true)
                : CannedResponse.Json("[]"),
            MaasRoute.Get("fabrics/"));
        var time = new FakeTimeProvider();
        using var client = TestClients.For(server, time);

        Assert.Empty(await TestClients.DriveAsync(client.Fabrics.ListAsync(), time, TimeSpan.FromSeconds(5)));
        Assert.Equal(2, client.RequestCount);
    }

    [Fact]
    public async Task A_read_whose_connection_drops_with_no_retry_budget_is_unreachable_not_an_unknown_outcome()
    {
        // A GET changes nothing, so a lost answer is just a failed read: nothing to re-check.
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(200, Abort: true),
            MaasRoute.Get("subnets/"));
        using var client = TestClients.For(server, retryBudget: 0);

        var error = await Assert.ThrowsAsync<MaasUnreachableException>(() => client.Subnets.ListAsync());

        Assert.Equal(("GET", "/MAAS/api/2.0/subnets/"), (error.Method, error.Path));
        Assert.Equal(server.Root + "api/2.0/", error.Url.ToString());
        Assert.Equal(1, client.RequestCount);
    }

    private static MaasClient ClientWith(FakeMaasServer server, FakeTimeProvider time, TimeSpan maxRetryDelay) =>
        new(new MaasCredentials(server.Root, TestClients.ApiKey),
            new MaasClientOptions { TimeProvider = time, ReadRetryBudget = 4, MaxRetryDelay = maxRetryDelay });

    private static List<long> Gaps(FakeMaasServer server)
    {
        var stamps = server.Requests
            .Select(r => long.Parse(OAuthHeader.Parse(r.Authorization)["oauth_timestamp"], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return stamps.Zip(stamps.Skip(1), (a, b) => b - a).ToList();
    }
}
