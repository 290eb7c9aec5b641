using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Slate.Runbook.Ports;

namespace Slate.Lab.Hypervisor.Http;

/// <summary>Serves the lab hypervisor at /lab/hypervisor/{op} so a `lab+http://` URI reaches it from another process.</summary>
public static class LabHypervisorEndpoints
{
    public const string Prefix = "/lab/hypervisor/";

    public static IEndpointRouteBuilder MapLabHypervisor(this IEndpointRouteBuilder app, IHypervisor hypervisor, string token)
    {
        var bearer = new LabBearerToken(token);
        app.MapPost(Prefix + "{op}", async context =>
        {
            if (!bearer.Admits(context))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            var op = (string)context.Request.RouteValues["op"]!;
            try
            {
                var request = await JsonSerializer.DeserializeAsync(context.Request.Body, HypervisorJson.Default.HypervisorRequest, context.RequestAborted)
                    ?? new HypervisorRequest();
                await DispatchAsync(context, hypervisor, op, request);
            }
            catch (JsonException e)
            {
                await WriteAsync(context, StatusCodes.Status400BadRequest, new HypervisorError(HypervisorFailure.Other, $"the request body is not valid JSON: {e.Message}"), HypervisorJson.Default.HypervisorError);
            }
            catch (HypervisorException e)
            {
                await WriteAsync(context, StatusCodes.Status409Conflict, new HypervisorError(e.Failure, e.Message), HypervisorJson.Default.HypervisorError);
            }
        });
        return app;
    }

    private static async Task DispatchAsync(HttpContext context, IHypervisor hypervisor, string op, HypervisorRequest r)
    {
        var ct = context.RequestAborted;
        var json = HypervisorJson.Default;
        switch (op)
        {
            case "domains":
                await WriteAsync(context, 200, await hypervisor.ListDomainsAsync(ct), json.IReadOnlyListHypervisorDomain);
                break;
            case "devices":
                await WriteAsync(context, 200, await hypervisor.GetDomainDevicesAsync(Need(r.Domain), ct), json.DomainDevices);
                break;
            case "domain-xml":
                await WriteAsync(context, 200, new HypervisorText(await hypervisor.GetDomainXmlAsync(Need(r.Domain), ct)), json.HypervisorText);
                break;
            case "resolve-path":
                await WriteAsync(context, 200, new HypervisorText(await hypervisor.ResolvePathAsync(Need(r.Path), ct)), json.HypervisorText);
                break;
            case "detach":
                await hypervisor.DetachInterfaceAsync(Need(r.Domain), Need(r.Mac), ct);
                context.Response.StatusCode = 204;
                break;
            case "network":
                await WriteOptionalAsync(context, await hypervisor.FindNetworkAsync(Need(r.Name), ct), json.HypervisorNetwork);
                break;
            case "network-destroy":
                await hypervisor.DestroyNetworkAsync(Need(r.Name), ct);
                context.Response.StatusCode = 204;
                break;
            case "network-undefine":
                await hypervisor.UndefineNetworkAsync(Need(r.Name), ct);
                context.Response.StatusCode = 204;
                break;
            case "volume":
                await WriteOptionalAsync(context, await hypervisor.FindVolumeAsync(Need(r.Path), ct), json.StorageVolume);
                break;
            case "volume-delete":
                await hypervisor.DeleteVolumeAsync(Need(r.Path), ct);
                context.Response.StatusCode = 204;
                break;
            case "volume-create":
                await WriteAsync(context, 200, await hypervisor.CreateVolumeAsync(r.Spec ?? throw Missing("spec"), ct), json.StorageVolume);
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private static string Need(string? value) => value ?? throw Missing("a required field");

    private static HypervisorException Missing(string what) => new(HypervisorFailure.Other, $"lab hypervisor request lacks {what}");

    private static Task WriteOptionalAsync<T>(HttpContext context, T? value, JsonTypeInfo<T> type) where T : class =>
        value is null ? Task.FromResult(context.Response.StatusCode = StatusCodes.Status204NoContent) : WriteAsync(context, 200, value, type);

    private static async Task WriteAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted);
    }
}
