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
        Assert.Contains("ok Spaces: 6:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gomaasapi_links_and_unlinks_a_subnet_on_a_host_torn_down_re_enlisted_and_commissioned()
    {
        var cloud = NewCloud();
        await using var server = await LabMaasServer.StartAsync(cloud, 0, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri(server.MaasUrl, "api/2.0/") };
        var key = server.ApiKey.Split(':');
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("OAuth",
            $"oauth_consumer_key=\"{key[0]}\", oauth_token=\"{key[1]}\", oauth_signature_method=\"PLAINTEXT\", oauth_signature=\"%26{key[2]}\", oauth_nonce=\"n\", oauth_timestamp=\"1\", oauth_version=\"1.0\"");
        var old = cloud.Machines.FindByHostname("openstack1")!.SystemId;

        // Teardown as Juju's provider does it: a bulk release; the dynamic pod machine leaves, its domain stays.
        await PostAsync(http, "machines/?op=release", ("machines", old));
        Assert.Null(cloud.Machines.FindByHostname("openstack1"));
        Assert.True(cloud.Hypervisor.HasDomain("openstack1"));

        // Re-enlistment from the pod's virsh chassis, then commissioning on the (zero-delay) lab clock.
        await PostAsync(http, "machines/?op=add_chassis", ("chassis_type", "virsh"), ("hostname", cloud.Pods.Pod.PowerAddress),
            ("password", cloud.Pods.Pod.PowerPassword), ("prefix_filter", "openstack1"), ("accept_all", "true"));
        using var read = await http.GetAsync("machines/?hostname=openstack1");
        var machine = JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsArray().Single()!;
        Assert.Equal("Ready", (string?)machine["status_name"]);
        Assert.NotEqual(old, (string?)machine["system_id"]);

        // enp8s0, a data-plane NIC, got no DHCP lease while commissioning, so MAAS put it on a fabric of its own
        // (network.py guess_vlan_for_interface); it is moved onto the data-tenant VLAN first, as the carve does it.
        var nic = cloud.Machines.FindByHostname("openstack1")!.Interfaces.Single(i => i.Name == "enp8s0");
        Assert.Null(nic.Vlan!.Space);
        var data = cloud.Networks.FindSubnet("10.12.16.0/22")!.Vlan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var put = await http.PutAsync($"nodes/{machine["system_id"]}/interfaces/{nic.Id}/", new FormUrlEncodedContent([KeyValuePair.Create("vlan", data)])))
            Assert.True(put.IsSuccessStatusCode, $"PUT vlan: {(int)put.StatusCode}");
        var run = await RunProbeAsync(server, ("PROBE_WRITE", "1"), ("PROBE_HOST", "openstack1"), ("PROBE_IFACE", "enp8s0"),
            ("PROBE_CIDR", "10.12.16.0/22"), ("PROBE_IP", "10.12.16.250"));
        AssertPassed(run);
        Assert.Contains("ok link_subnet", run.Output, StringComparison.Ordinal);
        Assert.Contains("ok read back after unlink_subnet", run.Output, StringComparison.Ordinal);
        Assert.Empty(server.Violations);
    }

    private static async Task PostAsync(HttpClient http, string path, params (string Key, string Value)[] form)
    {
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, p.Value))));
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
