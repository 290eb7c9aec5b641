using Microsoft.Extensions.Time.Testing;
using Slate.Maas.Errors;
using Slate.Maas.Tests.Support;

namespace Slate.Maas.Tests;

/// <summary>A MAAS answer is read up to a limit named in the error, once, and never retried past it.</summary>
public sealed class AnswerLimitTests
{
    private const long Limit = 1024 * 1024;

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    public async Task An_answer_over_the_limit_is_refused_after_one_request(int status)
    {
        var huge = "[" + string.Join(",", Enumerable.Repeat("{\"id\": 1, \"name\": \"space\"}", 60_000)) + "]";
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(status, huge), MaasRoute.Get("spaces/"));
        using var client = new MaasClient(new MaasCredentials(server.Root, TestClients.ApiKey),
            new MaasClientOptions { TimeProvider = new FakeTimeProvider(), MaxAnswerBytes = Limit });

        var error = await Assert.ThrowsAsync<MaasApiException>(() => client.Spaces.ListAsync());

        Assert.True(huge.Length > Limit);
        Assert.Contains("more than 1 MiB", error.Message);
        Assert.DoesNotContain("space", error.Message.Replace("/spaces/", ""));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_answer_within_the_limit_is_read()
    {
        await using var server = await FakeMaasServer.StartAsync("[{\"id\": 1, \"name\": \"metal\", \"vlans\": [], \"subnets\": []}]", MaasRoute.Get("spaces/"));
        using var client = new MaasClient(new MaasCredentials(server.Root, TestClients.ApiKey),
            new MaasClientOptions { TimeProvider = new FakeTimeProvider(), MaxAnswerBytes = Limit });

        var spaces = await client.Spaces.ListAsync();

        Assert.Equal("metal", Assert.Single(spaces).Name);
    }
}
