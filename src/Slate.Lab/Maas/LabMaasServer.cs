using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Slate.Lab.Cloud;

namespace Slate.Lab.Maas;

/// <summary>The lab's MAAS: Kestrel on 127.0.0.1 serving <see cref="LabMaasRoutes.MapLabMaas"/> for one cloud.</summary>
public sealed class LabMaasServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LabMaasRecorder _recorder;

    private LabMaasServer(WebApplication app, Uri maasUrl, string apiKey, LabMaasRecorder recorder)
    {
        _app = app;
        MaasUrl = maasUrl;
        ApiKey = apiKey;
        _recorder = recorder;
    }

    /// <summary>The MAAS root, http://127.0.0.1:P/MAAS/ (clients append api/2.0/).</summary>
    public Uri MaasUrl { get; }

    /// <summary>The consumer:token:secret key this server accepts.</summary>
    public string ApiKey { get; }

    public IReadOnlyList<LabRequest> Requests => _recorder.Requests;

    public IReadOnlyList<string> Violations => _recorder.Violations;

    /// <summary>Starts on 127.0.0.1:<paramref name="port"/> (0 = any free port) with a freshly minted API key.</summary>
    public static async Task<LabMaasServer> StartAsync(LabCloud cloud, int port, CancellationToken cancellationToken)
    {
        var apiKey = $"{cloud.NewSecret(18)}:{cloud.NewSecret(18)}:{cloud.NewSecret(32)}";
        var recorder = new LabMaasRecorder();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapLabMaas(cloud, new LabMaasOptions(apiKey, recorder));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var bound = new Uri(address).Port;
        return new LabMaasServer(app, new Uri($"http://127.0.0.1:{bound}/MAAS/"), apiKey, recorder);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
