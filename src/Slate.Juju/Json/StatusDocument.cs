using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slate.Juju.Json;

// Shapes of `juju status --format=json` (Juju 3.x). Only the fields Slate reads; unknown fields are ignored.
// Every object may instead be {"status-error": "..."}, hence the StatusError property on each.

internal sealed class StatusDocument
{
    [JsonPropertyName("model")] public ModelDto? Model { get; set; }
    [JsonPropertyName("machines")] public Dictionary<string, MachineDto?>? Machines { get; set; }
    [JsonPropertyName("applications")] public Dictionary<string, ApplicationDto?>? Applications { get; set; }
}

internal sealed class ModelDto
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("status-error")] public string? StatusError { get; set; }
}

internal sealed class StatusDto
{
    [JsonPropertyName("current")] public string? Current { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("status-error")] public string? StatusError { get; set; }
}

internal sealed class MachineDto
{
    [JsonPropertyName("juju-status")] public StatusDto? JujuStatus { get; set; }
    [JsonPropertyName("machine-status")] public StatusDto? MachineStatus { get; set; }
    [JsonPropertyName("hostname")] public string? Hostname { get; set; }
    [JsonPropertyName("display-name")] public string? DisplayName { get; set; }
    [JsonPropertyName("dns-name")] public string? DnsName { get; set; }
    [JsonPropertyName("instance-id")] public string? InstanceId { get; set; }
    [JsonPropertyName("containers")] public Dictionary<string, MachineDto?>? Containers { get; set; }
    [JsonPropertyName("status-error")] public string? StatusError { get; set; }
}

internal sealed class ApplicationDto
{
    [JsonPropertyName("charm")] public string? Charm { get; set; }
    [JsonPropertyName("application-status")] public StatusDto? ApplicationStatus { get; set; }
    // Values are either application names or {"related-application", "interface", "scope"} objects.
    [JsonPropertyName("relations")] public Dictionary<string, List<JsonElement>>? Relations { get; set; }
    [JsonPropertyName("subordinate-to")] public List<string>? SubordinateTo { get; set; }
    [JsonPropertyName("units")] public Dictionary<string, UnitDto?>? Units { get; set; }
    [JsonPropertyName("status-error")] public string? StatusError { get; set; }
}

internal sealed class UnitDto
{
    [JsonPropertyName("workload-status")] public StatusDto? WorkloadStatus { get; set; }
    [JsonPropertyName("juju-status")] public StatusDto? JujuStatus { get; set; }
    [JsonPropertyName("leader")] public bool? Leader { get; set; }
    [JsonPropertyName("machine")] public string? Machine { get; set; }
    [JsonPropertyName("public-address")] public string? PublicAddress { get; set; }
    [JsonPropertyName("subordinates")] public Dictionary<string, UnitDto?>? Subordinates { get; set; }
    [JsonPropertyName("status-error")] public string? StatusError { get; set; }
}
