using Microsoft.AspNetCore.Routing;
using Slate.Lab.Cloud;

namespace Slate.Lab.Maas;

/// <summary>devices/ (filtered by hostname and id, as api/devices.py read does) and devices/{system_id}/ (read, delete).</summary>
internal static class DeviceEndpoints
{
    public static void Map(IEndpointRouteBuilder app, MaasEndpointFactory endpoint)
    {
        endpoint.Map(app, "devices/", call => (call.Method, call.Op) switch
        {
            ("GET", null) => MaasResponse.Json(w =>
            {
                var hostnames = call.All("hostname");
                var ids = call.All("id");
                w.WriteStartArray();
                foreach (var device in call.Cloud.Devices.All.Where(d => (hostnames.Count == 0 || hostnames.Contains(d.Hostname)) && (ids.Count == 0 || ids.Contains(d.SystemId))))
                    MaasJson.Device(w, device, call.Cloud.AdminUser);
                w.WriteEndArray();
            }),
            _ => throw call.Unrecognised(),
        });
        endpoint.Map(app, "devices/{systemId}/", call =>
        {
            var device = call.Cloud.Devices.Find(call.Route("systemId")) ?? throw LabApiException.NotFound("Device");
            switch (call.Method, call.Op)
            {
                case ("GET", null):
                    return MaasResponse.Json(w => MaasJson.Device(w, device, call.Cloud.AdminUser));
                case ("DELETE", null):
                    if (device.Parent is { } parent) call.Touching(parent);
                    call.Cloud.Devices.Delete(device.SystemId);
                    return MaasResponse.NoContent;
                default:
                    throw call.Unrecognised();
            }
        });
    }
}
