using Slate.Maas.Errors;
using Slate.Maas.Tests.Support;

namespace Slate.Maas.Tests;

public sealed class ClientOptionsTests
{
    private static readonly MaasCredentials Credentials = new(new Uri("http://127.0.0.1:5240/MAAS/"), TestClients.ApiKey);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_request_timeout_that_is_not_positive_is_refused(int seconds)
    {
        var error = Assert.Throws<MaasConfigurationException>(
            () => new MaasClient(Credentials, new MaasClientOptions { RequestTimeout = TimeSpan.FromSeconds(seconds) }));

        Assert.Contains("RequestTimeout", error.Message);
    }

    [Fact]
    public void A_negative_retry_budget_is_refused()
    {
        var error = Assert.Throws<MaasConfigurationException>(
            () => new MaasClient(Credentials, new MaasClientOptions { ReadRetryBudget = -1 }));

        Assert.Contains("ReadRetryBudget", error.Message);
    }

    [Fact]
    public async Task A_retry_budget_of_zero_sends_a_read_once()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(503, "busy", "text/plain", RetryAfterSeconds: 1),
            MaasRoute.Get("spaces/"));
        using var client = TestClients.For(server, retryBudget: 0);

        await Assert.ThrowsAsync<MaasUnavailableException>(() => client.Spaces.ListAsync());

        Assert.Equal(1, client.RequestCount);
    }

    [Fact]
    public void By_default_a_read_is_tried_as_often_as_a_write_is_sent() =>
        Assert.Equal(Slate.Runbook.Core.MaasWrites.Attempts, new MaasClientOptions().ReadRetryBudget + 1);
}
