using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Slate.Lab.Cloud;
using Slate.Lab.Faults;
using Slate.Lab.Juju;
using Slate.Lab.Maas;

namespace Slate.Lab.Tests.Juju;

/// <summary>A lab on a fake clock, served over loopback, and the lab juju command run in-process against it.</summary>
public sealed class LabJujuHarness : IAsyncDisposable
{
    private LabJujuHarness(FakeTimeProvider time, LabCloud cloud, LabMaasServer server)
    {
        Time = time;
        Cloud = cloud;
        Server = server;
        Environment = new Dictionary<string, string?>
        {
            ["SLATE_LAB_URL"] = server.LabUrl.ToString(),
            ["SLATE_LAB_TOKEN"] = server.LabToken,
        };
    }

    public FakeTimeProvider Time { get; }
    public LabCloud Cloud { get; }
    public LabMaasServer Server { get; }
    public LabJujuController Juju => Server.Juju;
    public Dictionary<string, string?> Environment { get; }

    /// <param name="timings">How long each stage of destroy-model takes on the fake clock; null = the lab's default.</param>
    /// <param name="faults">What the lab does wrong; null = nothing.</param>
    public static async Task<LabJujuHarness> StartAsync(LabJujuTimings? timings = null, LabFaults? faults = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var cloud = new LabCloud(LabHarness.LoadSite(), time) { Faults = faults ?? LabFaults.None };
        var server = await LabMaasServer.StartAsync(cloud, new LabJujuController(cloud, timings), 0, CancellationToken.None);
        return new LabJujuHarness(time, cloud, server);
    }

    public Task<JujuRun> RunAsync(params string[] args) => RunAsync(Environment, CancellationToken.None, args);

    /// <summary>Runs the command until it ends or <paramref name="ct"/> interrupts it, as Ctrl-C interrupts juju.</summary>
    public Task<JujuRun> RunAsync(CancellationToken ct, params string[] args) => RunAsync(Environment, ct, args);

    public static Task<JujuRun> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(environment, CancellationToken.None, args);

    private static async Task<JujuRun> RunAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken ct, string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await LabJujuCommand.RunAsync(args, environment, stdout, stderr, ct);
        return new JujuRun(code, stdout.ToString(), stderr.ToString());
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

public sealed record JujuRun(int ExitCode, string Stdout, string Stderr)
{
    public JsonNode Json() => JsonNode.Parse(Stdout) ?? throw new InvalidOperationException("stdout is JSON null");

    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}
