using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Slate.Lab.Cloud;
using Slate.Lab.Maas;
using Slate.Runbook.Sites;

namespace Slate.Corpus.Tests;

/// <summary>Juju's own Go MAAS client (gomaasapi, ../shared/conformance/gomaasapi) run against the lab's MAAS.</summary>
public class LabConformanceTests
{
    private static string ProbeScript()
    {
        return SharedCorpus.PathOf("conformance", "gomaasapi", "run.sh");
    }

    private static LabCloud NewCloud() =>
        // Zero delays on the system clock: asynchronous transitions finish on the next request.
        new(SiteLoader.Load(SharedCorpus.InRepository("sites", "caracal-testcloud.yaml")), TimeProvider.System,
            new LabTimings(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero));

    private static async Task<(int ExitCode, string Output)> RunProbeAsync(LabMaasServer server, params (string Key, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash", [ProbeScript()]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["MAAS_URL"] = server.MaasUrl.ToString();
        start.Environment["MAAS_API_KEY"] = server.ApiKey;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, $"{await stdout}\n--- stderr ---\n{await stderr}");
    }

    private static void AssertPassed((int ExitCode, string Output) run)
    {
        Assert.True(run.ExitCode == 0, $"probe exited {run.ExitCode}:\n{run.Output}");
        Assert.DoesNotContain("FAIL", run.Output, StringComparison.Ordinal);
        Assert.Contains("ok Machines", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gomaasapi_reads_the_seeded_lab()
    {
        await using var server = await LabMaasServer.StartAsync(NewCloud(), 0, CancellationToken.None);
        var run = await RunProbeAsync(server);
        AssertPassed(run);
        Assert.Contains("ok machine ", run.Output, StringComparison.Ordinal);
        Assert.Contains("undefined", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gomaasapi_links_and_unlinks_a_subnet_on_a_ready_machine()
    {
        var cloud = NewCloud();
        await using var server = await LabMaasServer.StartAsync(cloud, 0, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri(server.MaasUrl, "api/2.0/") };
        var key = server.ApiKey.Split(':');
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("OAuth",
            $"oauth_consumer_key=\"{key[0]}\", oauth_token=\"{key[1]}\", oauth_signature_method=\"PLAINTEXT\", oauth_signature=\"%26{key[2]}\", oauth_nonce=\"n\", oauth_timestamp=\"1\", oauth_version=\"1.0\"");
        using var create = await http.PostAsync("machines/", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("hostname", "probe-vm"), KeyValuePair.Create("architecture", "amd64/generic"),
            KeyValuePair.Create("power_type", "virsh"), KeyValuePair.Create("mac_addresses", "52:54:00:fe:00:01"),
            KeyValuePair.Create("mac_addresses", "52:54:00:fe:00:02"),
        ]));
        var body = await create.Content.ReadAsStringAsync();
        Assert.True(create.IsSuccessStatusCode, body);
        var systemId = (string)JsonNode.Parse(body)!["system_id"]!;
        using var read = await http.GetAsync($"machines/{systemId}/");
        Assert.Equal("Ready", (string?)JsonNode.Parse(await read.Content.ReadAsStringAsync())!["status_name"]);

        // enp2s0 is LINK_UP on the untagged VLAN after commissioning, the VLAN that holds data-tenant's subnet.
        var run = await RunProbeAsync(server, ("PROBE_WRITE", "1"), ("PROBE_HOST", "probe-vm"), ("PROBE_IFACE", "enp2s0"),
            ("PROBE_CIDR", "10.12.16.0/22"), ("PROBE_IP", "10.12.16.250"));
        AssertPassed(run);
        Assert.Contains("ok link_subnet", run.Output, StringComparison.Ordinal);
        Assert.Contains("ok read back after unlink_subnet", run.Output, StringComparison.Ordinal);
        Assert.Empty(server.Violations);
    }
}
