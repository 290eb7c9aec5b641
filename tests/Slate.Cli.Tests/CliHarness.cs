using System.CommandLine;
using Slate.Cli.Rehearsal;
using Slate.Juju;
using Slate.Lab.Cloud;
using Slate.Lab.Maas;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Cli.Tests;

/// <summary>Runs the real `slate` command tree in-process, with a lab MAAS served over loopback HTTP.</summary>
internal sealed class CliHarness : IAsyncDisposable
{
    private CliHarness(LabCloud cloud, LabMaasServer server)
    {
        Cloud = cloud;
        Server = server;
    }

    public LabCloud Cloud { get; }

    public LabMaasServer Server { get; }

    public static string SitesDir => Path.Combine(AppContext.BaseDirectory, "sites");

    public static string SitePath => Path.Combine(SitesDir, "caracal-testcloud.yaml");

    public static string BundlePath => Path.Combine(SitesDir, "caracal-testcloud.bundle.yaml");

    public static async Task<CliHarness> StartAsync(string? sitePath = null)
    {
        var cloud = new LabCloud(SiteLoader.Load(sitePath ?? SitePath), TimeProvider.System, new LabTimings(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero));
        return new CliHarness(cloud, await LabMaasServer.StartAsync(cloud, 0, CancellationToken.None));
    }

    public Dictionary<string, string?> LabEnvironment() => new()
    {
        ["MAAS_URL"] = Server.MaasUrl.ToString(),
        ["MAAS_API_KEY"] = Server.ApiKey,
    };

    public static Task<(int Code, RecordingInteraction Io)> RunAsync(IReadOnlyDictionary<string, string?> env, params string[] args) =>
        RunAsync(CliContext.Production(new RecordingInteraction(), env), args);

    public static async Task<(int Code, RecordingInteraction Io)> RunAsync(CliContext context, params string[] args)
    {
        var code = await SlateApp.RunAsync(args, context, context.Interruption.Stop);
        return (code, (RecordingInteraction)context.Io);
    }

    /// <summary>A context on this lab: MAAS over HTTP, its hypervisor twin in-process, and its juju as a real process.</summary>
    public CliContext LabContext(RecordingInteraction? io = null, IReadOnlyDictionary<string, string?>? env = null) =>
        new(io ?? new RecordingInteraction(), env ?? LabEnvironment(), MaasConnector.Connect, (_, _) => Cloud.Hypervisor, (_, site) => LabJuju(site), TimeProvider.System);

    /// <summary>Runs against this lab (see <see cref="LabContext"/>).</summary>
    public Task<(int Code, RecordingInteraction Io)> RunAsync(params string[] args) => RunAsync(LabContext(), args);

    private JujuCli LabJuju(Site site) =>
        RehearsalLab.JujuFor(Server, site, Path.Combine(Path.GetTempPath(), $"slate-cli-tests-{Server.LabUrl.Port}"));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
