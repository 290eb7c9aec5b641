using System.Text.RegularExpressions;
using Slate.Lab;

namespace Slate.Cli.Tests;

/// <summary>MAAS API calls per step barely grow with the cloud: filtered machine reads of 50 names, never a read per host.</summary>
public sealed class ApiEconomyTests
{
    [Theory]
    [InlineData(4, 1)]
    [InlineData(46, 1)]
    [InlineData(47, 2)]
    [InlineData(200, 5)]
    public async Task Preflight_reads_all_machines_in_a_few_filtered_calls(int hostCount, int machineReads)
    {
        var site = Path.Combine(Path.GetTempPath(), $"scale-{hostCount}-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(site, SampleSite.TextWithHosts(hostCount));
        try
        {
            await using var lab = await CliHarness.StartAsync(site);

            var (code, io) = await lab.RunAsync("preflight", "--site", site, "--json");

            Assert.Equal(0, code);
            Assert.Equal(hostCount, Regex.Matches(io.OutText, "\"role\": \"host\"").Count);
            Assert.Equal(["GET maas/ get_config", "GET spaces/ ", .. Enumerable.Repeat("GET machines/ ", machineReads), "GET devices/ "],
                lab.Server.Requests.Select(r => $"{r.Method} {r.Path[(r.Path.IndexOf("2.0/", StringComparison.Ordinal) + 4)..]} {r.Op}"));
        }
        finally
        {
            File.Delete(site);
        }
    }
}
