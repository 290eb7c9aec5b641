using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Slate.Lab.Tests.Juju;

namespace Slate.Lab.Tests;

/// <summary>A malformed or absurd request to the lab is a 4xx answer or juju's own usage error, never a 500 or a crash.</summary>
public sealed class LabHostileRequestTests
{
    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"domain\": [1, 2]}")]
    public async Task A_malformed_hypervisor_request_body_is_a_400(string body)
    {
        await using var lab = await LabJujuHarness.StartAsync();
        using var http = Authorised(lab);

        using var response = await http.PostAsync("lab/hypervisor/devices", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("9223372036854775807")]
    [InlineData("-1")]
    public async Task An_absurd_destroy_timeout_is_a_400(string milliseconds)
    {
        await using var lab = await LabJujuHarness.StartAsync();
        using var http = Authorised(lab);

        using var response = await http.PostAsync($"lab/juju/destroy-model?model=openstack&force=true&timeout-ms={milliseconds}", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();
        Assert.Equal($"timeout-ms '{milliseconds}' is not a duration juju accepts", error);
    }

    [Fact]
    public async Task A_timeout_longer_than_a_go_duration_is_an_invalid_duration_as_juju_says()
    {
        await using var lab = await LabJujuHarness.StartAsync();

        var run = await lab.RunAsync("destroy-model", "--no-prompt", "--force", "--timeout", "99999999999h", "openstack");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("ERROR invalid value \"99999999999h\" for option --timeout: time: invalid duration \"99999999999h\"", run.Stderr);
    }

    private static HttpClient Authorised(LabJujuHarness lab)
    {
        var http = new HttpClient { BaseAddress = lab.Server.LabUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", lab.Server.LabToken);
        return http;
    }
}
