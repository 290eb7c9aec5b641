using System.Diagnostics;
using Slate.Lab.Cloud;
using Slate.Lab.Maas;
using Slate.Maas;
using Slate.Maas.Models;
using Slate.Maas.Ports;
using Slate.Runbook.Core;

namespace Slate.Bench;

/// <summary>
/// The pre-flight's MAAS reads against the lab over loopback HTTP at growing host counts: Slate's one filtered read
/// against the per-host lookups a script makes (`maas admin machines read hostname=…` in a loop), counted and timed.
/// </summary>
internal static class ScaleRehearsal
{
    private const int Rounds = 15;

    public static async Task<int> RunAsync(TextWriter output)
    {
        output.WriteLine("hosts | slate calls | slate median ms | per-host calls | per-host median ms");
        foreach (var hosts in new[] { 4, 40, 400 })
        {
            var site = BenchSites.WithHosts(hosts);
            var cloud = new LabCloud(site, TimeProvider.System);
            await using var server = await LabMaasServer.StartAsync(cloud, 0, CancellationToken.None);
            using var client = new MaasClient(new MaasCredentials(server.MaasUrl, server.ApiKey));
            var names = site.Hosts.Select(h => h.Name).ToList();

            var (slateCalls, slateMs) = await MeasureAsync(client, async () =>
            {
                var maas = new MaasPort(client);
                await CloudIdentityCheck.VerifyAsync(site, maas, CancellationToken.None);
                await maas.ListSpacesAsync(CancellationToken.None);
                await maas.FindMachinesAsync(names, CancellationToken.None);
            });
            var (perHostCalls, perHostMs) = await MeasureAsync(client, async () =>
            {
                foreach (var name in names)
                    await client.Machines.ListAsync(new MachineFilter { Hostnames = [name] }, CancellationToken.None);
            });
            output.WriteLine($"{hosts,5} | {slateCalls,11} | {slateMs,15:F1} | {perHostCalls,14} | {perHostMs,18:F1}");
        }
        return 0;
    }

    private static async Task<(int Calls, double MedianMs)> MeasureAsync(MaasClient client, Func<Task> reads)
    {
        await reads();
        var before = client.RequestCount;
        await reads();
        var calls = client.RequestCount - before;
        var times = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await reads();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (calls, times[Rounds / 2]);
    }
}
