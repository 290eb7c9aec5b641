using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Slate.Lab.Cloud;
using Slate.Lab.Hypervisor.Http;
using Slate.Lab.Juju;

namespace Slate.Lab.Maas;

/// <summary>
/// The lab's MAAS: Kestrel on 127.0.0.1 serving <see cref="LabMaasRoutes.MapLabMaas"/> for one cloud, and the lab
/// juju's endpoints (<see cref="LabJujuRoutes.MapLabJuju"/>) that `slate lab juju` talks to.
/// </summary>
public sealed class LabMaasServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LabMaasRecorder _recorder;
    private readonly LabRequestTap _tap;

    private LabMaasServer(WebApplication app, Uri labUrl, string apiKey, string labToken, LabJujuController juju, LabMaasRecorder recorder, LabRequestTap tap)
    {
        _app = app;
        _tap = tap;
        LabUrl = labUrl;
        MaasUrl = new Uri(labUrl, "MAAS/");
        ApiKey = apiKey;
        LabToken = labToken;
        Juju = juju;
        _recorder = recorder;
    }

    /// <summary>The server root, http://127.0.0.1:P/ (the lab juju's SLATE_LAB_URL).</summary>
    public Uri LabUrl { get; }

    /// <summary>The MAAS root, http://127.0.0.1:P/MAAS/ (clients append api/2.0/).</summary>
    public Uri MaasUrl { get; }

    /// <summary>The consumer:token:secret key this server accepts.</summary>
    public string ApiKey { get; }

    /// <summary>The bearer token the lab juju endpoints accept (SLATE_LAB_TOKEN).</summary>
    public string LabToken { get; }

    /// <summary>The served lab hypervisor, for --libvirt / SLATE_LIBVIRT_URI (the token is SLATE_LAB_TOKEN).</summary>
    public string HypervisorUri => LabHypervisorClient.Scheme + LabUrl;

    public LabJujuController Juju { get; }

    public IReadOnlyList<LabRequest> Requests => _recorder.Requests;

    public IReadOnlyList<string> Violations => _recorder.Violations;

    /// <summary>
    /// Decides each request's fate (MAAS, juju or hypervisor) as it arrives, given "METHOD /path", before the lab acts
    /// on it; null serves every request. A rehearsal that kills slate at a chosen call sets it.
    /// </summary>
    public Func<string, LabCallFate>? Tap
    {
        get => _tap.Decide;
        set => _tap.Decide = value;
    }

    /// <summary>Starts on 127.0.0.1:<paramref name="port"/> (0 = any free port) with a freshly minted API key.</summary>
    public static Task<LabMaasServer> StartAsync(LabCloud cloud, int port, CancellationToken ct) =>
        StartAsync(cloud, new LabJujuController(cloud), port, ct);

    /// <summary>Starts with a juju controller built by the caller (e.g. with its own model-removal delay).</summary>
    public static async Task<LabMaasServer> StartAsync(LabCloud cloud, LabJujuController juju, int port, CancellationToken ct)
    {
        if (juju.Cloud != cloud) throw new ArgumentException("the juju controller belongs to another lab cloud", nameof(juju));
        var apiKey = $"{LabIds.Secret(18)}:{LabIds.Secret(18)}:{LabIds.Secret(32)}";
        var recorder = new LabMaasRecorder();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var tap = new LabRequestTap();
        app.Use(async (context, next) =>
        {
            var fate = tap.Decide?.Invoke($"{context.Request.Method} {context.Request.Path}") ?? LabCallFate.Serve;
            if (!fate.Served)
            {
                context.Abort();
                return;
            }
            if (fate.BeforeAnswer is { } beforeAnswer)
                context.Response.OnStarting(() =>
                {
                    beforeAnswer();
                    context.Abort();
                    return Task.CompletedTask;
                });
            await next(context);
        });
        var labToken = LabIds.Secret(32);
        app.MapLabMaas(cloud, new LabMaasOptions(apiKey, recorder));
        app.MapLabJuju(juju, labToken);
        app.MapLabHypervisor(cloud.Hypervisor, labToken);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var bound = new Uri(address).Port;
        return new LabMaasServer(app, new Uri($"http://127.0.0.1:{bound}/"), apiKey, labToken, juju, recorder, tap);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
