using Slate.Maas.Errors;
using Slate.Maas.Tests.Support;

namespace Slate.Maas.Tests;

/// <summary>An error line stays readable: a long body (an HTML error page) is cut in the message and kept whole in Body.</summary>
public sealed class ErrorMessageTests
{
    [Fact]
    public async Task A_body_longer_than_500_characters_is_cut_in_the_message_and_kept_whole_in_Body()
    {
        var body = new string('a', 500) + "TAIL";
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(500, body, "text/plain"),
            MaasRoute.Get("version/"));
        using var client = TestClients.For(server, retryBudget: 0);

        var error = await Assert.ThrowsAsync<MaasApiException>(() => client.Version.GetAsync());

        Assert.Equal($"MAAS answered GET /MAAS/api/2.0/version/ with 500 InternalServerError: {new string('a', 500)}…", error.Message);
        Assert.Equal(body, error.Body);
    }

    [Fact]
    public async Task A_body_of_exactly_500_characters_is_shown_whole()
    {
        var body = new string('b', 500);
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(403, body, "text/plain"),
            MaasRoute.Get("version/"));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasForbiddenException>(() => client.Version.GetAsync());

        Assert.EndsWith($": {body}", error.Message);
    }

    [Fact]
    public async Task An_empty_body_ends_the_message_with_the_status()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(404),
            MaasRoute.Delete("machines/gone42/"));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasNotFoundException>(() => client.Machines.DeleteAsync("gone42"));

        Assert.Equal("MAAS answered DELETE /MAAS/api/2.0/machines/gone42/ with 404 NotFound.", error.Message);
    }

    [Fact]
    public async Task A_504_on_a_write_is_an_unknown_outcome_that_names_the_status()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(504, "Timed out", "text/plain"),
            MaasRoute.Delete("machines/n1/"));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasOutcomeUnknownException>(() => client.Machines.DeleteAsync("n1"));

        Assert.Equal(
            "The outcome of DELETE /MAAS/api/2.0/machines/n1/ is unknown (504 GatewayTimeout); re-read the object before retrying.",
            error.Message);
    }

    [Fact]
    public async Task A_401_tells_the_operator_to_check_the_api_key()
    {
        await using var server = await FakeMaasServer.StartAsync((_, _) => new CannedResponse(401, "Invalid API key.", "text/plain"),
            MaasRoute.Get("version/"));
        using var client = TestClients.For(server);

        var error = await Assert.ThrowsAsync<MaasUnauthorizedException>(() => client.Version.GetAsync());

        Assert.EndsWith("Invalid API key. Check the MAAS API key.", error.Message);
    }
}
