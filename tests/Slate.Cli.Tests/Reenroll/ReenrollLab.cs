using System.Globalization;
using Slate.Cli.Journal;
using Slate.Cli.Rehearsal;
using Slate.Lab.Cloud;
using Slate.Lab.Faults;
using Slate.Lab.Maas;
using Slate.Maas;
using Slate.Maas.Ports;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Cli.Tests.Reenroll;

/// <summary>
/// A lab (optionally sick) as Steps 2–4 leave it: the hosts decomposed out of MAAS, their domains kept, the teardown's
/// plan, with the hosts' system_ids, in the journal, and the stale network and the OSD disks dealt with by the CLI.
/// The CLI reaches MAAS over HTTP with quick read retries.
/// </summary>
internal sealed class ReenrollLab : IAsyncDisposable
{
    public static readonly string[] Hosts = ["openstack0", "openstack1", "openstack2", "openstack3"];

    private ReenrollLab(LabCloud cloud, LabMaasServer server, string directory, IReadOnlyDictionary<string, string> oldIds)
    {
        Cloud = cloud;
        Server = server;
        Directory = directory;
        OldIds = oldIds;
    }

    public LabCloud Cloud { get; }
    public LabMaasServer Server { get; }
    public string Directory { get; }
    public IReadOnlyDictionary<string, string> OldIds { get; }
    /// <summary>The libvirt SSH password the hypervisor twin accepts (the pod's): MAAS can power a host only with it.</summary>
    public string Password => Cloud.Pods.Pod.PowerPassword;

    public string JournalPath => Path.Combine(Directory, "state", "journal.jsonl");

    public static async Task<ReenrollLab> StartAsync(params string[] faults)
    {
        var site = SiteLoader.Load(CliHarness.SitePath);
        var cloud = new LabCloud(site, TimeProvider.System, LabJujuProcessLab.FastTimings) { Faults = LabFaults.Parse(faults) };
        var server = await LabMaasServer.StartAsync(cloud, 0, CancellationToken.None);
        var lab = new ReenrollLab(cloud, server, System.IO.Directory.CreateTempSubdirectory("slate-reenroll-").FullName,
            Hosts.ToDictionary(h => h, h => cloud.Machines.FindByHostname(h)!.SystemId));
        cloud.Machines.ReleaseAll([.. lab.OldIds.Values], erase: false);
        for (var waited = 0; Hosts.Any(h => cloud.Machines.FindByHostname(h) is not null); waited += 10)
        {
            Assert.True(waited < 5000, "the released hosts never left MAAS");
            await Task.Delay(10);
        }
        var teardown = new JournalEntry(DateTimeOffset.UtcNow, site.Cloud.Name, "teardown", JournalEvent.Plan, "0123456789abcdef",
            Arguments: lab.OldIds.ToDictionary(p => "host:" + p.Key, p => p.Value), Run: "teardown-run");
        var journal = new JsonLinesJournal(lab.JournalPath, "test@lab", "test", TimeProvider.System);
        journal.Append(teardown);
        journal.Append(teardown with { Event = JournalEvent.Started, Action = "destroy-model", Subject = "openstack", Arguments = null });
        string[][] stepsThreeAndFour = [["networks", "prune", "--apply"], ["osd", "wipe", "--apply", "--confirm", Hosts.Length.ToString(CultureInfo.InvariantCulture)]];
        foreach (var step in stepsThreeAndFour)
        {
            var (code, io) = await lab.RunAsync(step);
            Assert.True(code == 0, io.OutText + string.Join("\n", io.Errors));
        }
        return lab;
    }

    /// <summary>A file holding the password, mode 0600 unless told otherwise.</summary>
    public string PasswordFile(UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite, string? content = null)
    {
        content ??= Password + "\n";
        var path = Path.Combine(Directory, $"password-{Guid.NewGuid():N}");
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    public CliContext Context(RecordingInteraction? io = null) => new(io ?? new RecordingInteraction(),
        new Dictionary<string, string?>(),
        _ => new MaasPort(new MaasClient(new MaasCredentials(Server.MaasUrl, Server.ApiKey), new MaasClientOptions { MaxRetryDelay = TimeSpan.FromMilliseconds(1) })),
        (_, _) => Cloud.Hypervisor, (_, site) => RehearsalLab.JujuFor(Server, site, Path.Combine(Directory, "juju")), TimeProvider.System);

    public Task<(int Code, RecordingInteraction Io)> RunAsync(params string[] args) => RunAsync(Context(), args);

    public Task<(int Code, RecordingInteraction Io)> RunAsync(CliContext context, params string[] args) =>
        CliHarness.RunAsync(context, [.. args, "--site", CliHarness.SitePath, "--journal", JournalPath]);

    /// <summary>The POST machines/ (creates) MAAS received.</summary>
    public int Creates => Server.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/machines/", StringComparison.Ordinal) && r.Op is null);

    public string BootMac(string host) => Cloud.Hypervisor.NicsOf(host).Single(n => n.Network == "metal-admin").Mac;

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
