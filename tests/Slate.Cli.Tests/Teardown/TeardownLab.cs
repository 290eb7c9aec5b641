using Slate.Juju;
using Slate.Lab.Faults;
using Slate.Lab.Juju;

namespace Slate.Cli.Tests.Teardown;

/// <summary>
/// The fast lab with its juju as a real process behind a wrapper that records every argv juju was given, a journal of
/// its own, and the runbook's cloud as the site.
/// </summary>
internal sealed class TeardownLab : IAsyncDisposable
{
    private TeardownLab(LabJujuProcessLab lab, string wrapper)
    {
        Lab = lab;
        Wrapper = wrapper;
    }

    public LabJujuProcessLab Lab { get; }
    public string Wrapper { get; }
    public string SitePath => CliHarness.SitePath;
    public string JournalPath => Path.Combine(Lab.Directory, "state", "journal.jsonl");
    public string ArgvLog => Path.Combine(Lab.Directory, "juju-argv.log");

    public static async Task<TeardownLab> StartAsync(params string[] faults)
    {
        var lab = await LabJujuProcessLab.StartAsync(LabFaults.Parse(faults));
        var wrapper = Path.Combine(lab.Directory, "juju-recording");
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{Path.Combine(lab.Directory, "juju-argv.log")}'\nexec '{lab.Shim}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new TeardownLab(lab, wrapper);
    }

    /// <summary>A context on this lab: MAAS over HTTP, its hypervisor twin, juju through the recording wrapper.</summary>
    public CliContext Context(RecordingInteraction? io = null) => new(io ?? new RecordingInteraction(),
        new Dictionary<string, string?> { ["MAAS_URL"] = Lab.Server.MaasUrl.ToString(), ["MAAS_API_KEY"] = Lab.Server.ApiKey },
        MaasConnector.Connect, (_, _) => Lab.Cloud.Hypervisor,
        (_, site) => new JujuCli(Wrapper, site.Cloud.JujuController, TimeSpan.FromSeconds(60)), TimeProvider.System);

    public Task<(int Code, RecordingInteraction Io)> RunAsync(params string[] args) => RunAsync(Context(), args);

    public Task<(int Code, RecordingInteraction Io)> RunAsync(CliContext context, params string[] args) =>
        CliHarness.RunAsync(context, [.. args, "--site", SitePath, "--journal", JournalPath]);

    /// <summary>Every juju command line run so far, without the lab's leading arguments.</summary>
    public IReadOnlyList<string> JujuCalls() => File.Exists(ArgvLog) ? File.ReadAllLines(ArgvLog) : [];

    /// <summary>The MAAS requests that could change something.</summary>
    public IReadOnlyList<string> MaasWrites() =>
        Lab.Server.Requests.Where(r => r.Method != "GET").Select(r => $"{r.Method} {r.Path} {r.Op}").ToList();

    public bool ModelExists() => Lab.Server.Juju.Models.Any(m => m.Name == "openstack");

    public ValueTask DisposeAsync() => Lab.DisposeAsync();
}
