using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Slate.Lab.Hypervisor.Http;
using Slate.Libvirt.Tests.Contract;
using Slate.Runbook.Ports;

namespace Slate.Libvirt.Tests.Lab;

/// <summary>The lab twin served over loopback HTTP and reached through a `lab+http://` URI, as `slate lab serve` offers it.</summary>
public sealed class ServedLabWorld : IHypervisorWorld
{
    private readonly LabWorld inner = new();
    private readonly WebApplication app;
    private readonly LabHypervisorClient client;

    public ServedLabWorld()
    {
        var token = Guid.NewGuid().ToString("N");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.MapLabHypervisor(inner.Hypervisor, token);
        app.StartAsync().GetAwaiter().GetResult();
        client = ClientWithToken(token);
    }

    public LabHypervisorClient ClientWithToken(string token) => new($"lab+{app.Urls.First()}/", token);

    public IHypervisor Hypervisor => client;

    public IReadOnlyList<string> Domains => inner.Domains;

    public string Network => inner.Network;

    public string Bridge => inner.Bridge;

    public string ImagesDir => inner.ImagesDir;

    public string OsDisk(string domain) => inner.OsDisk(domain);

    public string OsdDisk(string domain) => inner.OsdDisk(domain);

    public string NetworkMac(string domain) => inner.NetworkMac(domain);

    public void Symlink(string link, string target) => inner.Symlink(link, target);

    public void Dispose()
    {
        client.Dispose();
        app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)app).Dispose();
        inner.Dispose();
    }
}
