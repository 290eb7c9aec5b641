using Slate.Juju;
using Slate.Lab;
using Slate.Lab.Cloud;
using Slate.Lab.Faults;
using Slate.Lab.Juju;
using Slate.Lab.Maas;

namespace Slate.Cli.Tests;

/// <summary>
/// A lab served in-process on real time with millisecond timings (the juju process cannot share a fake clock), and a
/// juju shim that runs this build's slate.dll as a separate process, pinned to that lab.
/// </summary>
internal sealed class LabJujuProcessLab : IAsyncDisposable
{
    public static readonly LabTimings FastTimings = new(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50));

    /// <summary>Long enough that destroy-model's first look (at once, juju-style) sees the whole model, and really waits.</summary>
    public static readonly LabJujuTimings JujuTimings = new(TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));

    private LabJujuProcessLab(LabCloud cloud, LabMaasServer server, string directory, string shim)
    {
        Cloud = cloud;
        Server = server;
        Directory = directory;
        Shim = shim;
    }

    public LabCloud Cloud { get; }
    public LabMaasServer Server { get; }
    public string Directory { get; }
    public string Shim { get; }

    /// <summary>A shim running this build's slate (as <see cref="SlateExecutable"/> finds it) as `slate lab juju`.</summary>
    public static string WriteShim(string directory, (Uri Url, string Token)? lab = null)
    {
        var (slate, arguments) = SlateExecutable.CommandLine();
        return LabJujuShim.Write(directory, slate, arguments, lab);
    }

    public static async Task<LabJujuProcessLab> StartAsync(LabFaults? faults = null)
    {
        var cloud = new LabCloud(SampleSite.Load(), TimeProvider.System, FastTimings) { Faults = faults ?? LabFaults.None };
        var server = await LabMaasServer.StartAsync(cloud, new LabJujuController(cloud, JujuTimings), 0, CancellationToken.None);
        var directory = System.IO.Directory.CreateTempSubdirectory("slate-labjuju-").FullName;
        var shim = WriteShim(directory, (server.LabUrl, server.LabToken));
        return new LabJujuProcessLab(cloud, server, directory, shim);
    }

    /// <param name="changeTimeout">How long destroy-model and remove-machine may wait before the adapter kills them.</param>
    public JujuCli Cli(TimeSpan? changeTimeout = null) => new(Shim, Cloud.Site.Cloud.JujuController, changeTimeout ?? TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
