using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Slate.Lab.Cloud;

namespace Slate.Lab.Maas;

/// <summary>version/, users/, maas/, zones/, resourcepools/, and the VM hosts (pods/ and vm-hosts/).</summary>
internal static class ServiceEndpoints
{
    private static readonly string[] Capabilities =
    [
        "networks-management", "static-ipaddresses", "ipv6-deployment-ubuntu", "devices-management",
        "storage-deployment-ubuntu", "network-deployment-ubuntu", "bridging-interface-ubuntu",
        "bridging-automatic-ubuntu", "authenticate-api",
    ];

    private static readonly string[] ConfigNames = ["default_distro_series", "default_osystem", "enable_disk_erasing_on_release", "maas_name"];

    public static void Map(IEndpointRouteBuilder app, MaasEndpointFactory endpoint)
    {
        endpoint.Map(app, "version/", Version, anonymous: true);
        endpoint.Map(app, "users/", call => (call.Method, call.Op) switch
        {
            ("GET", "whoami") => MaasResponse.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("username", call.Cloud.AdminUser);
                w.WriteString("email", call.Cloud.AdminUser + "@" + call.Cloud.MaasName);
                w.WriteBoolean("is_superuser", true);
                w.WriteBoolean("is_local", true);
                w.WriteString("resource_uri", $"{MaasJson.Prefix}users/{call.Cloud.AdminUser}/");
                w.WriteEndObject();
            }),
            _ => throw call.Unrecognised(),
        });
        endpoint.Map(app, "maas/", call => (call.Method, call.Op) switch
        {
            ("GET", "get_config") => Config(call),
            _ => throw call.Unrecognised(),
        });
        endpoint.Map(app, "zones/", call => ReadOnly(call, () => MaasResponse.Json(w =>
        {
            w.WriteStartArray();
            MaasJson.Zone(w);
            w.WriteEndArray();
        })));
        endpoint.Map(app, "zones/{name}/", call => ReadOnly(call, () =>
            call.Route("name") == "default" ? MaasResponse.Json(MaasJson.Zone) : throw LabApiException.NotFound("Zone")));
        endpoint.Map(app, "resourcepools/", call => ReadOnly(call, () => MaasResponse.Json(w =>
        {
            w.WriteStartArray();
            MaasJson.Pool(w);
            w.WriteEndArray();
        })));
        endpoint.Map(app, "resourcepool/{id}/", call => ReadOnly(call, () =>
            call.Route("id") is "0" or "default" ? MaasResponse.Json(MaasJson.Pool) : throw LabApiException.NotFound("ResourcePool")));
        foreach (var collection in new[] { "pods", "vm-hosts" })
        {
            endpoint.Map(app, collection + "/", call => ReadOnly(call, () => MaasResponse.Json(w =>
            {
                w.WriteStartArray();
                if (call.Cloud.Pods.IsRegistered) MaasJson.Pod(w, call.Cloud, call.Cloud.Pods.Pod, collection);
                w.WriteEndArray();
            })));
            endpoint.Map(app, collection + "/{id}/", call => Pod(call, collection));
        }
    }

    /// <summary>GET without op answers; anything else is an unrecognised signature.</summary>
    public static MaasResponse ReadOnly(MaasCall call, Func<MaasResponse> read) =>
        call.Method == "GET" && call.Op is null ? read() : throw call.Unrecognised();

    private static MaasResponse Version(MaasCall call) => ReadOnly(call, () => MaasResponse.Json(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("capabilities");
        foreach (var capability in Capabilities) w.WriteStringValue(capability);
        w.WriteEndArray();
        w.WriteString("version", "3.7.0-slate-lab");
        w.WriteString("subversion", "");
        w.WriteEndObject();
    }));

    /// <summary>api/maas.py get_config: a missing name is 400 text, an unknown one a form error keyed by the name (forms/settings.py).</summary>
    private static MaasResponse Config(MaasCall call)
    {
        var name = call.Param("name") is { Length: > 0 } given ? given : throw LabApiException.BadRequest("No provided name!");
        return name switch
        {
            "maas_name" => MaasResponse.Json(w => w.WriteStringValue(call.Cloud.MaasName)),
            "default_osystem" => MaasResponse.Json(w => w.WriteStringValue("ubuntu")),
            "default_distro_series" => MaasResponse.Json(w => w.WriteStringValue("jammy")),
            "enable_disk_erasing_on_release" => MaasResponse.Json(w => w.WriteBooleanValue(false)),
            _ => throw LabApiException.Invalid(name,
                $"{name} is not a valid config setting (valid settings are: {string.Join(", ", ConfigNames)})."),
        };
    }

    private static MaasResponse Pod(MaasCall call, string collection)
    {
        var pod = call.Cloud.Pods.Pod;
        if (!call.Cloud.Pods.IsRegistered || call.Route("id") != pod.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            throw LabApiException.NotFound("Pod");
        return (call.Method, call.Op) switch
        {
            ("GET", null) => MaasResponse.Json(w => MaasJson.Pod(w, call.Cloud, pod, collection)),
            // Real MAAS returns the libvirt password in clear here: callers must not log this answer.
            ("GET", "parameters") => MaasResponse.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("power_address", pod.PowerAddress);
                w.WriteString("power_pass", pod.PowerPassword);
                w.WriteEndObject();
            }),
            ("POST", "refresh") => Refresh(call, collection),
            ("POST", "compose") => Compose(call),
            ("DELETE", null) => Delete(call),
            _ => throw call.Unrecognised(),
        };
    }

    /// <summary>api/pods.py compose: the new machine's system_id and resource_uri.</summary>
    private static MaasResponse Compose(MaasCall call)
    {
        var machine = call.Cloud.Pods.Compose(call.Param("hostname"));
        return MaasResponse.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("system_id", machine.SystemId);
            w.WriteString("resource_uri", $"{MaasJson.Prefix}machines/{machine.SystemId}/");
            w.WriteEndObject();
        });
    }

    /// <summary>api/pods.py delete: DeletePodForm reads `decompose` from the query string; 204 once done.</summary>
    private static MaasResponse Delete(MaasCall call)
    {
        call.Cloud.Pods.Delete(call.Flag("decompose"));
        return MaasResponse.NoContent;
    }

    private static MaasResponse Refresh(MaasCall call, string collection)
    {
        call.Cloud.Pods.Refresh();
        return MaasResponse.Json(w => MaasJson.Pod(w, call.Cloud, call.Cloud.Pods.Pod, collection));
    }
}
