using System.Text.Json.Serialization;
using Slate.Runbook.Core;

namespace Slate.Cli.Plans;

/// <summary>The saved plan file's JSON (source-generated for Native AOT).</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(PlanFileDocument))]
internal sealed partial class PlanFileJson : JsonSerializerContext;

/// <summary>The file: a format tag a reader checks first, and the plan.</summary>
internal sealed record PlanFileDocument(string Format, SavedPlan Plan)
{
    public const string CurrentFormat = "slate-plan/1";
}
