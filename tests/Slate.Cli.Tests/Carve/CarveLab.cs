using Slate.Lab.Cloud;
using Slate.Lab.Maas;

namespace Slate.Cli.Tests.Carve;

/// <summary>
/// The runbook's lab after Step 5: each host released out of MAAS (its pod VM is dynamic) and enlisted again by
/// `POST machines` on its surviving domain, commissioned to Ready — the four hosts as the carve meets them.
/// </summary>
internal sealed class CarveLab : IAsyncDisposable
{
    private CarveLab(CliHarness harness, string directory)
    {
        Harness = harness;
        Directory = directory;
    }

    public CliHarness Harness { get; }
    public string Directory { get; }
    public LabCloud Cloud => Harness.Cloud;
    public string JournalPath => Path.Combine(Directory, "journal.jsonl");

    public static async Task<CarveLab> StartAsync()
    {
        var harness = await CliHarness.StartAsync();
        foreach (var host in harness.Cloud.Site.Hosts)
            ReEnrol(harness.Cloud, host.Name);
        return new CarveLab(harness, System.IO.Directory.CreateTempSubdirectory("slate-carve-").FullName);
    }

    private static void ReEnrol(LabCloud cloud, string hostname)
    {
        cloud.Machines.Release(cloud.Machines.FindByHostname(hostname)!.SystemId);
        cloud.Machines.Settle();
        var power = new Dictionary<string, string> { ["power_address"] = cloud.Pods.Pod.PowerAddress, ["power_id"] = hostname, ["power_pass"] = cloud.Pods.Pod.PowerPassword };
        var macs = cloud.Hypervisor.NicsOf(hostname).Select(n => n.Mac).ToList();
        cloud.Machines.Create(new MachineSpec(hostname, "amd64/generic", macs, "virsh", power, Commission: true));
        cloud.Machines.Settle();
        Assert.Equal(NodeStatus.Ready, cloud.Machines.FindByHostname(hostname)!.Status);
    }

    /// <summary>The machine reads of the runbook's order check: Step 6 needs Step 5's gate (its hosts by hostname and by boot MAC).</summary>
    public const int ReenrollGateReads = 2;

    public LabMachine Machine(string hostname) => Cloud.Machines.FindByHostname(hostname)!;

    /// <summary>`slate carve …` on the runbook's site with this lab's journal.</summary>
    public Task<(int Code, RecordingInteraction Io)> CarveAsync(params string[] args) =>
        Harness.RunAsync(["carve", .. args, "--site", CliHarness.SitePath, "--journal", JournalPath]);

    /// <summary>Runs a command and returns, with its outcome, the MAAS requests it made.</summary>
    public async Task<(int Code, RecordingInteraction Io, IReadOnlyList<LabRequest> Requests)> MeasuredAsync(Func<Task<(int, RecordingInteraction)>> run)
    {
        var before = Harness.Server.Requests.Count;
        var (code, io) = await run();
        return (code, io, Harness.Server.Requests.Skip(before).ToList());
    }

    /// <summary>Reads of one host's machine or interfaces (everything but the per-run identity and topology reads).</summary>
    public static int HostReads(IEnumerable<LabRequest> requests) =>
        requests.Count(r => r.Method == "GET" && (r.Path.Contains("/machines", StringComparison.Ordinal) || r.Path.Contains("/nodes/", StringComparison.Ordinal)));

    public static int Writes(IEnumerable<LabRequest> requests) => requests.Count(r => r.Method != "GET");

    /// <summary>Carves the host through the CLI and checks that its gate went green.</summary>
    public async Task CarvedAsync(string hostname)
    {
        var (code, io) = await CarveAsync(hostname, "--apply", "--confirm", hostname);
        Assert.True(code == 0, io.OutText);
    }

    public LabInterface Nic(string hostname, string name) => Machine(hostname).Interfaces.Single(i => i.Name == name);

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
