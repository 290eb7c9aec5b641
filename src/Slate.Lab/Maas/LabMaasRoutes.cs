using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Slate.Lab.Cloud;
using Slate.Lab.Faults;

namespace Slate.Lab.Maas;

public static class LabMaasRoutes
{
    /// <summary>Serves the MAAS REST API 2.0 for <paramref name="cloud"/> under /MAAS/api/2.0/.</summary>
    public static IEndpointRouteBuilder MapLabMaas(this IEndpointRouteBuilder app, LabCloud cloud, LabMaasOptions options)
    {
        var endpoint = new MaasEndpointFactory(cloud, options);
        ServiceEndpoints.Map(app, endpoint);
        MachineEndpoints.Map(app, endpoint);
        InterfaceEndpoints.Map(app, endpoint);
        NetworkEndpoints.Map(app, endpoint);
        DeviceEndpoints.Map(app, endpoint);
        return app;
    }
}

/// <summary>
/// Wraps a handler with what every MAAS endpoint does: record, authenticate, meet the injected faults (authenticated
/// calls only), settle the clock, lock, render.
/// </summary>
internal sealed class MaasEndpointFactory(LabCloud cloud, LabMaasOptions options)
{
    private static readonly string ApiHash = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("slate-lab-maas-3.7")));
    private readonly OAuthVerifier _oauth = new(options.ApiKey);
    private readonly MaasFaultInjector _faults = new(cloud);

    public void Map(IEndpointRouteBuilder app, string path, Func<MaasCall, MaasResponse> handler, bool anonymous = false) =>
        app.Map(MaasJson.Prefix + path, Create(handler, anonymous));

    private RequestDelegate Create(Func<MaasCall, MaasResponse> handler, bool anonymous) => async context =>
    {
        context.Response.Headers["X-MAAS-API-Hash"] = ApiHash;
        IFormCollection? form = null;
        try
        {
            if (context.Request.HasFormContentType) form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            options.Recorder.Request(new LabRequest(context.Request.Method, context.Request.Path.Value ?? "", null));
            await MaasResponse.Text(400, "Bad Request: the request body could not be read as a form.").WriteAsync(context.Response);
            return;
        }
        var call = new MaasCall(context, form, cloud, options.Recorder);
        options.Recorder.Request(new LabRequest(call.Method, call.Path, call.Op));
        var response = anonymous ? Run(handler, call)
            : _oauth.Reject(context.Request, call) is { } refusal ? MaasResponse.Text(401, refusal)
            : await RunWithFaultsAsync(handler, call, context.RequestAborted);
        if (response is null) context.Abort();
        else await response.WriteAsync(context.Response);
    };

    /// <summary>Latency first; then a 503/409 instead of the handler, or the handler's response lost (null) after it ran.</summary>
    private async Task<MaasResponse?> RunWithFaultsAsync(Func<MaasCall, MaasResponse> handler, MaasCall call, CancellationToken ct)
    {
        await _faults.DelayAsync(ct);
        if (_faults.Refusal(call) is { } refusal) return refusal;
        var response = Run(handler, call);
        return _faults.LosesResponse(call) ? null : response;
    }

    private MaasResponse Run(Func<MaasCall, MaasResponse> handler, MaasCall call)
    {
        try
        {
            lock (cloud.SyncRoot)
            {
                cloud.Machines.Settle();
                return handler(call);
            }
        }
        catch (LabApiException error)
        {
            return MaasResponse.From(error);
        }
    }
}
