using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Slate.Lab.Cloud;

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
        return app;
    }
}

/// <summary>Wraps a handler with what every MAAS endpoint does: record, authenticate, settle the clock, lock, render.</summary>
internal sealed class MaasEndpointFactory(LabCloud cloud, LabMaasOptions options)
{
    private static readonly string ApiHash = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("slate-lab-maas-3.7")));
    private readonly OAuthVerifier _oauth = new(options.ApiKey);

    public void Map(IEndpointRouteBuilder app, string path, Func<MaasCall, MaasResponse> handler, bool anonymous = false) =>
        app.Map(MaasJson.Prefix + path, Create(handler, anonymous));

    private RequestDelegate Create(Func<MaasCall, MaasResponse> handler, bool anonymous) => async context =>
    {
        context.Response.Headers["X-MAAS-API-Hash"] = ApiHash;
        IFormCollection? form = null;
        MaasResponse response;
        try
        {
            if (context.Request.HasFormContentType) form = await context.Request.ReadFormAsync(context.RequestAborted);
            response = Handle(context, form, handler, anonymous);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            options.Recorder.Request(new LabRequest(context.Request.Method, context.Request.Path.Value ?? "", null));
            response = MaasResponse.Text(400, "Bad Request: the request body could not be read as a form.");
        }
        await response.WriteAsync(context.Response);
    };

    private MaasResponse Handle(HttpContext context, IFormCollection? form, Func<MaasCall, MaasResponse> handler, bool anonymous)
    {
        var call = new MaasCall(context, form, cloud, options.Recorder);
        options.Recorder.Request(new LabRequest(call.Method, call.Path, call.Op));
        if (!anonymous && _oauth.Reject(context.Request, call) is { } refusal) return MaasResponse.Text(401, refusal);
        try
        {
            lock (cloud.SyncRoot)
            {
                cloud.Settle();
                return handler(call);
            }
        }
        catch (LabApiException error)
        {
            return MaasResponse.From(error);
        }
    }
}
