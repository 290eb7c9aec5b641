using System.Net;

namespace Slate.Lab.Tests;

public sealed class MaasAuthTests : LabTestClass
{
    private async Task<(HttpStatusCode, string)> GetWith(string? authorization, string path)
    {
        using var client = new HttpClient { BaseAddress = Lab.Http.BaseAddress };
        if (authorization is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_auth_the_answer_is_401_Forbidden()
    {
        Assert.Equal((HttpStatusCode.Unauthorized, "Forbidden"), await GetWith(null, "machines/"));
    }

    [Fact]
    public async Task Unknown_consumer_is_an_invalid_api_key()
    {
        var wrong = "nobodyconsumerkey1:" + Lab.Server.ApiKey.Split(':', 2)[1];
        Assert.Equal((HttpStatusCode.Unauthorized, "Authorization Error: Invalid API key."),
            await GetWith(OAuthHeader.Quoted(wrong), "machines/"));
    }

    [Fact]
    public async Task Wrong_secret_is_refused_without_echoing_it()
    {
        var parts = Lab.Server.ApiKey.Split(':');
        var (status, body) = await GetWith(OAuthHeader.Quoted($"{parts[0]}:{parts[1]}:wrongsecret"), "machines/");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.DoesNotContain("wrongsecret", body, StringComparison.Ordinal);
        Assert.DoesNotContain(parts[2], body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quoted_percent_encoded_and_unquoted_raw_headers_are_both_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetWith(OAuthHeader.Quoted(Lab.Server.ApiKey), "machines/")).Item1);
        Assert.Equal(HttpStatusCode.OK, (await GetWith(OAuthHeader.Unquoted(Lab.Server.ApiKey), "machines/")).Item1);
    }

    [Fact]
    public async Task Version_is_anonymous_and_carries_the_api_hash()
    {
        using var client = new HttpClient { BaseAddress = Lab.Http.BaseAddress };
        using var response = await client.GetAsync("version/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("network-deployment-ubuntu", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("X-MAAS-API-Hash"));
    }

    [Fact]
    public async Task Maas_name_is_a_json_string()
    {
        var (status, body) = await Lab.SendAsync(HttpMethod.Get, "maas/?op=get_config&name=maas_name");
        Assert.Equal((HttpStatusCode.OK, "\"caracal-testcloud\""), (status, body));
    }

    [Fact]
    public async Task Unknown_op_is_an_unrecognised_signature()
    {
        var (status, body) = await Lab.SendAsync(HttpMethod.Post, $"machines/{Lab.IdOf("juju")}/?op=explode");
        Assert.Equal((HttpStatusCode.BadRequest, "Unrecognised signature: method=POST op=explode"), (status, body));
    }
}
