using System.Text.Json;
using Slate.Juju.Json;
using Slate.Runbook.Ports;

namespace Slate.Juju;

/// <summary>Reads <c>juju status --format=json</c>. Status-error blocks become <see cref="JujuStatusError"/>s.</summary>
public static class JujuStatusJson
{
    /// <exception cref="JujuException">BadOutput:The text is not a juju status JSON document.</exception>
    public static JujuModelStatus Parse(string json)
    {
        StatusDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, JujuJsonContext.Default.StatusDocument);
        }
        catch (JsonException e)
        {
            throw new JujuException(JujuFailure.BadOutput, $"juju status printed unreadable JSON: {e.Message}", e);
        }
        if (document is null)
            throw new JujuException(JujuFailure.BadOutput, "juju status printed JSON null instead of a status document");

        var errors = new List<JujuStatusError>();
        Note(errors, "model", document.Model?.StatusError);
        var machines = (document.Machines ?? []).Select(m => Machine(m.Key, m.Value, errors)).ToList();
        var applications = (document.Applications ?? []).Select(a => Application(a.Key, a.Value, errors)).ToList();
        return new JujuModelStatus(document.Model?.Name, machines, applications, errors);
    }

    private static JujuMachine Machine(string id, MachineDto? dto, List<JujuStatusError> errors)
    {
        var where = $"machine {id}";
        Note(errors, where, dto?.StatusError);
        return new JujuMachine(
            id,
            dto?.InstanceId,
            dto?.Hostname,
            dto?.DisplayName,
            dto?.DnsName,
            Status(dto?.JujuStatus, $"{where} juju-status", errors),
            Status(dto?.MachineStatus, $"{where} machine-status", errors),
            (dto?.Containers ?? []).Select(c => Machine(c.Key, c.Value, errors)).ToList());
    }

    private static JujuApplication Application(string name, ApplicationDto? dto, List<JujuStatusError> errors)
    {
        var where = $"application {name}";
        Note(errors, where, dto?.StatusError);
        return new JujuApplication(
            name,
            dto?.Charm,
            Status(dto?.ApplicationStatus, $"{where} application-status", errors),
            (dto?.Units ?? []).Select(u => Unit(u.Key, u.Value, errors)).ToList(),
            Relations(where, dto?.Relations, errors),
            dto?.SubordinateTo ?? []);
    }

    private static JujuUnit Unit(string name, UnitDto? dto, List<JujuStatusError> errors)
    {
        var where = $"unit {name}";
        Note(errors, where, dto?.StatusError);
        return new JujuUnit(
            name,
            dto?.Machine,
            dto?.PublicAddress,
            dto?.Leader ?? false,
            Status(dto?.WorkloadStatus, $"{where} workload-status", errors),
            Status(dto?.JujuStatus, $"{where} juju-status", errors),
            (dto?.Subordinates ?? []).Select(s => Unit(s.Key, s.Value, errors)).ToList());
    }

    private static List<JujuRelation> Relations(string where, Dictionary<string, List<JsonElement>>? relations, List<JujuStatusError> errors)
    {
        var result = new List<JujuRelation>();
        foreach (var (endpoint, targets) in relations ?? [])
        {
            foreach (var target in targets)
            {
                var relation = Relation(endpoint, target);
                if (relation is null)
                    errors.Add(new JujuStatusError($"{where} relation {endpoint}", $"unexpected relation entry {target.GetRawText()}"));
                else
                    result.Add(relation);
            }
        }
        return result;
    }

    // Juju 3.x writes "rabbitmq-server"; newer formatters write {"related-application": ..., "interface": ..., "scope": ...}.
    private static JujuRelation? Relation(string endpoint, JsonElement target)
    {
        if (target.ValueKind == JsonValueKind.String)
            return new JujuRelation(endpoint, target.GetString()!, null, null);
        if (target.ValueKind != JsonValueKind.Object || StringProperty(target, "related-application") is not { } application)
            return null;
        return new JujuRelation(endpoint, application, StringProperty(target, "interface"), StringProperty(target, "scope"));
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JujuStatusValue? Status(StatusDto? dto, string where, List<JujuStatusError> errors)
    {
        if (dto is null)
            return null;
        Note(errors, where, dto.StatusError);
        return dto.StatusError is null ? new JujuStatusValue(dto.Current, dto.Message) : null;
    }

    private static void Note(List<JujuStatusError> errors, string where, string? statusError)
    {
        if (statusError is not null)
            errors.Add(new JujuStatusError(where, statusError));
    }
}
