using System.Text.Json.Serialization;

namespace Slate.Juju.Json;

// Shape of `juju models --format=json`: {"models": [...], "current-model": "..."}.

internal sealed class ModelsDocument
{
    [JsonPropertyName("models")] public List<ModelSummaryDto?>? Models { get; set; }
}

internal sealed class ModelSummaryDto
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("short-name")] public string? ShortName { get; set; }
    [JsonPropertyName("model-uuid")] public string? ModelUuid { get; set; }
    [JsonPropertyName("life")] public string? Life { get; set; }
    [JsonPropertyName("status")] public StatusDto? Status { get; set; }
    [JsonPropertyName("is-controller")] public bool? IsController { get; set; }
}
