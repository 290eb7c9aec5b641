using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Slate.Lab;
using Slate.Lab.Cloud;
using Slate.Lab.Maas;
using Slate.Maas.Models;
using Slate.Runbook.BundleCheck;
using Slate.Runbook.Sites;

namespace Slate.Bench;

/// <summary>What every command pays before it talks to anything: the site file, the bundle gate, MAAS machine JSON.</summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    private string _siteText = "";
    private string _siteFile = "";
    private string _bundle = "";
    private Site _site = null!;
    private string _machinesJson = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _siteText = SampleSite.Text();
        var dir = Directory.CreateTempSubdirectory("slate-bench-").FullName;
        _siteFile = SampleSite.WriteTo(dir);
        _bundle = Path.Combine(dir, SampleSite.BundleName);
        _site = SiteLoader.Load(_siteFile);
        var cloud = new LabCloud(BenchSites.WithHosts(400), TimeProvider.System);
        await using var server = await LabMaasServer.StartAsync(cloud, 0, CancellationToken.None);
        using var http = new HttpClient();
        var key = server.ApiKey.Split(':');
        http.DefaultRequestHeaders.Add("Authorization",
            $"OAuth oauth_version=\"1.0\", oauth_signature_method=\"PLAINTEXT\", oauth_consumer_key=\"{key[0]}\", oauth_token=\"{key[1]}\", " +
            $"oauth_signature=\"%26{key[2]}\", oauth_nonce=\"bench\", oauth_timestamp=\"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}\"");
        _machinesJson = await http.GetStringAsync(new Uri(server.MaasUrl, "api/2.0/machines/"));
    }

    [Benchmark]
    public Site LoadSiteFile() => SiteLoader.Parse(_siteText, "caracal-testcloud.yaml");

    [Benchmark]
    public BundleCheckReport CheckProjectBundle() => BundleChecker.Check(new BundleCheckRequest(
        _site, _bundle, [], _site.Hosts.ToDictionary(h => h.Name, h => h.ProviderMac!), null));

    [Benchmark]
    public int Parse400Machines() => JsonSerializer.Deserialize(_machinesJson, MaasJsonContext.Default.IReadOnlyListMachine)!.Count;
}
