using System.Text.Json;
using Slate.Juju.Json;
using Slate.Runbook.Ports;

namespace Slate.Juju;

/// <summary>Reads <c>juju models --format=json</c>.</summary>
public static class JujuModelsJson
{
    /// <exception cref="JujuException">BadOutput:The text is not a juju models JSON document, or an entry has no name.</exception>
    public static IReadOnlyList<JujuModelSummary> Parse(string json)
    {
        ModelsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, JujuJsonContext.Default.ModelsDocument);
        }
        catch (JsonException e)
        {
            throw new JujuException(JujuFailure.BadOutput, $"juju models printed unreadable JSON: {e.Message}", e);
        }
        if (document is null)
            throw new JujuException(JujuFailure.BadOutput, "juju models printed JSON null instead of a model list");
        return (document.Models ?? []).Select(Summary).ToList();
    }

    private static JujuModelSummary Summary(ModelSummaryDto? dto, int index)
    {
        var name = dto?.Name ?? dto?.ShortName
            ?? throw new JujuException(JujuFailure.BadOutput, $"juju models: entry {index} has neither name nor short-name");
        // short-name is treated as optional: it is the qualified name without its owner.
        var shortName = dto?.ShortName ?? name[(name.LastIndexOf('/') + 1)..];
        var status = dto?.Status is { } s ? new JujuStatusValue(s.Current, s.Message) : null;
        return new JujuModelSummary(name, shortName, dto?.ModelUuid, dto?.Life, status, dto?.IsController ?? false);
    }
}
