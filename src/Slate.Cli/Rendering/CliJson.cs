using System.Text.Json.Serialization;
using Slate.Cli.Commands;
using Slate.Cli.Journal;
using Slate.Cli.Steps;

namespace Slate.Cli.Rendering;

/// <summary>The --json documents. Source-generated: the CLI is published with Native AOT.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(StepDocument))]
[JsonSerializable(typeof(ErrorDocument))]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(JournalDocument))]
internal sealed partial class CliJson : JsonSerializerContext;

internal sealed record ErrorDocument(string Error, int ExitCode);
