using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Slate.Lab.Cloud;

namespace Slate.Lab.Maas;

/// <summary>machines/ and machines/{system_id}/.</summary>
internal static class MachineEndpoints
{
    public static void Map(IEndpointRouteBuilder app, MaasEndpointFactory endpoint)
    {
        endpoint.Map(app, "machines/", call => (call.Method, call.Op) switch
        {
            ("GET", null) => List(call),
            ("GET", "power_parameters") => PowerParameters(call, call.All("id")),
            ("POST", null) => Machine(call.Cloud.CreateMachine(SpecFrom(call))),
            ("POST", "allocate") => Allocate(call),
            _ => throw call.Unrecognised(),
        });
        endpoint.Map(app, "machines/{systemId}/", Item);
    }

    private static MaasResponse Item(MaasCall call)
    {
        var cloud = call.Cloud;
        var id = call.Route("systemId");
        var machine = cloud.GetMachine(id);
        if (call.Method != "GET") call.Touching(id);
        switch (call.Method, call.Op)
        {
            case ("GET", null): return Machine(machine);
            case ("GET", "power_parameters"):
                return MaasResponse.Json(w => PowerParametersOf(w, machine));
            case ("GET", "query_power_state"):
                return MaasResponse.Json(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("state", machine.PowerState);
                    w.WriteEndObject();
                });
            case ("DELETE", null):
                cloud.DeleteMachine(id);
                return MaasResponse.NoContent;
            case ("POST", "commission"): return Machine(cloud.CommissionMachine(id));
            case ("POST", "release"): return Machine(cloud.ReleaseMachine(id));
            case ("POST", "abort"): return Machine(cloud.AbortMachine(id));
            case ("POST", "deploy"): return Machine(cloud.DeployMachine(id, call.Param("distro_series")));
            case ("POST", "power_on"): return Machine(cloud.PowerOn(id));
            case ("POST", "power_off"): return Machine(cloud.PowerOff(id));
            default: throw call.Unrecognised();
        }
    }

    private static MaasResponse Machine(LabMachine machine) => MaasResponse.Json(w => MaasJson.Machine(w, machine));

    private static MaasResponse List(MaasCall call)
    {
        var hostnames = call.All("hostname");
        var ids = call.All("id");
        var macs = call.All("mac_address").Select(m => m.ToLowerInvariant()).ToList();
        var statuses = call.All("status").Select(s => NodeStatusNames.TryParseFilter(s, out var status)
            ? status
            : throw LabApiException.Invalid("status", $"'{s}' is not a valid status.")).ToList();
        var machines = call.Cloud.Machines.Where(m =>
            (hostnames.Count == 0 || hostnames.Contains(m.Hostname))
            && (ids.Count == 0 || ids.Contains(m.SystemId))
            && (statuses.Count == 0 || statuses.Contains(m.Status))
            && (macs.Count == 0 || m.Interfaces.Any(i => macs.Contains(i.MacAddress)))).ToList();
        return MaasResponse.Json(w =>
        {
            w.WriteStartArray();
            foreach (var machine in machines) MaasJson.Machine(w, machine);
            w.WriteEndArray();
        });
    }

    private static MaasResponse Allocate(MaasCall call)
    {
        var systemId = call.Param("system_id");
        if (systemId is not null) call.Touching(systemId);
        var machine = call.Cloud.AllocateMachine(systemId, call.Param("name"));
        return Machine(machine);
    }

    /// <summary>{system_id: params} for the given ids, or for every machine when none is given (as MAAS does).</summary>
    private static MaasResponse PowerParameters(MaasCall call, IReadOnlyList<string> ids)
    {
        var machines = call.Cloud.Machines.Where(m => ids.Count == 0 || ids.Contains(m.SystemId)).ToList();
        return MaasResponse.Json(w =>
        {
            w.WriteStartObject();
            foreach (var machine in machines)
            {
                w.WritePropertyName(machine.SystemId);
                PowerParametersOf(w, machine);
            }
            w.WriteEndObject();
        });
    }

    private static void PowerParametersOf(Utf8JsonWriter w, LabMachine machine)
    {
        w.WriteStartObject();
        foreach (var (key, value) in machine.PowerParameters) w.WriteString(key, value);
        w.WriteEndObject();
    }

    private static MachineSpec SpecFrom(MaasCall call)
    {
        var power = new Dictionary<string, string>(StringComparer.Ordinal);
        if (call.Param("power_parameters") is { Length: > 0 } json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException();
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    power[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }
            catch (JsonException)
            {
                throw LabApiException.Invalid("power_parameters", "Enter a valid JSON object.");
            }
        }
        foreach (var key in new[] { "power_address", "power_id", "power_pass", "power_user" })
        {
            if (call.Param("power_parameters_" + key) is { } value) power[key] = value;
        }
        var commission = call.Param("commission") is not { } flag || call.Flag("commission") || flag.Length == 0;
        return new MachineSpec(
            call.Param("hostname"),
            call.Param("architecture"),
            call.All("mac_addresses"),
            call.Param("power_type") ?? "manual",
            power,
            commission && !call.Flag("deployed"));
    }
}
