using Microsoft.Extensions.Time.Testing;
using Slate.Maas.Tests.Support;

namespace Slate.Maas.Tests;

public sealed class OAuthHeaderTests
{
    private const string Version = """{"capabilities": [], "version": "3.5.0", "subversion": ""}""";

    [Fact]
    public async Task Every_request_carries_a_plaintext_oauth_header_a_maas_server_can_verify()
    {
        await using var server = await FakeMaasServer.StartAsync(Version, MaasRoute.Get("version/"));
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000));
        using var client = TestClients.For(server, time);

        await client.Version.GetAsync();
        time.Advance(TimeSpan.FromSeconds(42));
        await client.Version.GetAsync();

        var first = server.Requests[0].Authorization!;
        var parameters = OAuthHeader.Parse(first);
        Assert.Equal("", parameters["realm"]);
        Assert.Equal("1.0", parameters["oauth_version"]);
        Assert.Equal("PLAINTEXT", parameters["oauth_signature_method"]);
        Assert.Equal("ck1234", parameters["oauth_consumer_key"]);
        Assert.Equal("tk5678", parameters["oauth_token"]);
        Assert.Equal("&s3cr3tTokenSecret", parameters["oauth_signature"]);
        Assert.Equal("\"%26s3cr3tTokenSecret\"", OAuthHeader.RawValues(first)["oauth_signature"]);
        Assert.Equal("1750000000", parameters["oauth_timestamp"]);
        Assert.Matches("^[0-9a-f]{32}$", parameters["oauth_nonce"]);

        var second = OAuthHeader.Parse(server.Requests[1].Authorization);
        Assert.NotEqual(parameters["oauth_nonce"], second["oauth_nonce"]);
        Assert.Equal("1750000042", second["oauth_timestamp"]);
    }
}
