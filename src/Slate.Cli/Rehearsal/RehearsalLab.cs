using Slate.Juju;
using Slate.Lab.Cloud;
using Slate.Lab.Faults;
using Slate.Lab.Juju;
using Slate.Lab.Maas;
using Slate.Maas;
using Slate.Maas.Ports;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Cli.Rehearsal;

/// <summary>
/// The embedded lab a rehearsal runs on, reached through the same adapters as a real cloud: the MAAS client over
/// loopback HTTP, the juju CLI adapter running `slate lab juju` as a process, and the lab's hypervisor twin.
/// </summary>
internal sealed class RehearsalLab : IAsyncDisposable
{
    private RehearsalLab(LabCloud cloud, LabMaasServer server, MaasClient client, IJuju juju)
    {
        Cloud = cloud;
        Server = server;
        Client = client;
        Maas = new MaasPort(client);
        Juju = juju;
    }

    public LabCloud Cloud { get; }
    public LabMaasServer Server { get; }
    public MaasClient Client { get; }
    public IMaas Maas { get; }
    public IJuju Juju { get; }
    public IHypervisor Hypervisor => Cloud.Hypervisor;

    public static async Task<RehearsalLab> StartAsync(Site site, LabFaults faults, TimeProvider time, string workDir, CancellationToken ct)
    {
        var cloud = LabCloud.With(site, time, faults);
        var server = await LabMaasServer.StartAsync(cloud, 0, ct).ConfigureAwait(false);
        try
        {
            var juju = JujuFor(server, site, Path.Combine(workDir, "bin"));
            return new RehearsalLab(cloud, server, new MaasClient(new MaasCredentials(server.MaasUrl, server.ApiKey)), juju);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The real juju adapter pointed at this slate's `lab juju`, through a shim pinned to one served lab.</summary>
    public static JujuCli JujuFor(LabMaasServer server, Site site, string shimDirectory)
    {
        var (slate, arguments) = SlateExecutable.CommandLine();
        var shim = LabJujuShim.Write(shimDirectory, slate, arguments, (server.LabUrl, server.LabToken));
        return new JujuCli(shim, site.Cloud.JujuController, TimeSpan.FromMinutes(2));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync().ConfigureAwait(false);
    }
}
