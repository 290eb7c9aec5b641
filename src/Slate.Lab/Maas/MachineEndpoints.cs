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
            ("POST", null) => Machine(call.Cloud.Machines.Create(SpecFrom(call))),
            ("POST", "allocate") => Allocate(call),
            ("POST", "release") => ReleaseAll(call),
            ("POST", "add_chassis") => AddChassis(call),
            _ => throw call.Unrecognised(),
        });
        endpoint.Map(app, "machines/{systemId}/", Item);
    }

    private static MaasResponse Item(MaasCall call)
    {
        var machines = call.Cloud.Machines;
        var id = call.Route("systemId");
        var machine = machines.Get(id);
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
            case ("PUT", null):
                return Machine(machines.Update(id, new MachineEdit(call.Param("hostname"), call.Param("description"), call.Param("power_type"), PowerFrom(call))));
            case ("DELETE", null):
                machines.Delete(id);
                return MaasResponse.NoContent;
            case ("POST", "commission"): return Machine(machines.Commission(id));
            case ("POST", "release"): return Machine(machines.Release(id, call.Flag("erase")));
            case ("POST", "abort"): return Machine(machines.Abort(id));
            case ("POST", "deploy"): return Machine(machines.Deploy(id, call.Param("distro_series")));
            case ("POST", "power_on"): return Machine(machines.PowerOn(id));
            case ("POST", "power_off"): return Machine(machines.PowerOff(id));
            case ("POST", "mark_broken"): return Machine(machines.MarkBroken(id, call.Param("comment") ?? call.Param("error_description")));
            case ("POST", "mark_fixed"): return Machine(machines.MarkFixed(id));
            default: throw call.Unrecognised();
        }
    }

    private static MaasResponse Machine(LabMachine machine) => MaasResponse.Json(w => MaasJson.Machine(w, machine));

    /// <summary>The ReadNodesForm filters (MAAS 3.7 node_constraint_filter_forms.py); a parameter the form does not define is ignored.</summary>
    private static MaasResponse List(MaasCall call)
    {
        var statuses = call.All("status").Select(s => NodeStatusNames.TryParseFilter(s, out var status)
            ? status
            : throw LabApiException.Invalid("status", $"'{s}' is not a valid status.")).ToList();
        var macs = call.All("mac_address");
        if (macs.Any(m => !MacAddressFilter.IsValid(m))) throw LabApiException.Invalid("mac_address", "Invalid parameter: invalid MAC address format");
        var zones = call.All("zone");
        if (zones.Where(z => z != LabCloud.DefaultZone).ToList() is { Count: > 0 } unknownZones)
            throw LabApiException.Invalid("zone", $"No such zone(s): {string.Join(", ", unknownZones)}.");
        var pools = call.All("pool");
        if (pools.Where(p => p != LabCloud.DefaultPool).ToList() is { Count: > 0 } unknownPools)
            throw LabApiException.Invalid("pool", $"No such pool(s): {string.Join(", ", unknownPools)}.");
        var filter = new MachineQuery(call.All("id"), call.All("hostname"), macs, statuses, zones, pools,
            call.All("tags"), call.All("owner"), call.All("power_state"), call.All("pod"), call.All("pod_type"));
        var machines = call.Cloud.Machines.Matching(filter);
        return MaasResponse.Json(w =>
        {
            w.WriteStartArray();
            foreach (var machine in machines) MaasJson.Machine(w, machine);
            w.WriteEndArray();
        });
    }

    /// <summary>`POST machines/ op=release machines=ID…`: the ids it started releasing (api/machines.py MachinesHandler.release).</summary>
    private static MaasResponse ReleaseAll(MaasCall call)
    {
        var ids = call.All("machines").ToHashSet(StringComparer.Ordinal);
        foreach (var id in ids) call.Touching(id);
        var released = call.Cloud.Machines.ReleaseAll(ids, call.Flag("erase"));
        return MaasResponse.Json(w =>
        {
            w.WriteStartArray();
            foreach (var id in released) w.WriteStringValue(id);
            w.WriteEndArray();
        });
    }

    /// <summary>`POST machines/ op=add_chassis`: MAAS asks its rack to probe the chassis and answers 200 text (api/machines.py).</summary>
    private static MaasResponse AddChassis(MaasCall call)
    {
        var chassisType = call.Param("chassis_type") is { Length: > 0 } type ? type : throw LabApiException.BadRequest("No provided chassis_type!");
        var hostname = call.Param("hostname") is { Length: > 0 } host ? host : throw LabApiException.BadRequest("No provided hostname!");
        if (chassisType == "virsh" && call.Param("username") is not null)
            throw LabApiException.BadRequest("username can not be specified when using the virsh chassis.");
        var acceptAll = string.Equals(call.Param("accept_all"), "true", StringComparison.OrdinalIgnoreCase);
        var text = chassisType == "virsh"
            ? call.Cloud.Pods.AddChassis(hostname, call.Param("password"), call.Param("prefix_filter"), acceptAll)
            : $"Asking {call.Cloud.Pods.RackHostname} to add machines from chassis {hostname}";
        return MaasResponse.Text(200, text);
    }

    private static MaasResponse Allocate(MaasCall call)
    {
        var systemId = call.Param("system_id");
        if (systemId is not null) call.Touching(systemId);
        var machine = call.Cloud.Machines.Allocate(systemId, call.Param("name"));
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
        var commission = call.Param("commission") is not { } flag || call.Flag("commission") || flag.Length == 0;
        return new MachineSpec(
            call.Param("hostname"),
            call.Param("architecture"),
            call.All("mac_addresses"),
            call.Param("power_type") ?? "manual",
            PowerFrom(call),
            commission && !call.Flag("deployed"));
    }

    /// <summary>power_parameters as a JSON object, and power_parameters_KEY fields, which win.</summary>
    private static Dictionary<string, string> PowerFrom(MaasCall call)
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
        return power;
    }
}
