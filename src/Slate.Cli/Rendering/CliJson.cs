using System.Text.Json.Serialization;
using Slate.Runbook.BundleCheck;
using Slate.Runbook.Preflight;

namespace Slate.Cli.Rendering;

/// <summary>The --json documents. Source-generated: the CLI is published with Native AOT.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PreflightDocument))]
[JsonSerializable(typeof(BundleCheckDocument))]
[JsonSerializable(typeof(ErrorDocument))]
internal sealed partial class CliJson : JsonSerializerContext;

internal sealed record PreflightDocument(string Step, string Site, string Cloud, int ExitCode, PreflightReport Report);

internal sealed record BundleCheckDocument(
    string Step, string Bundle, IReadOnlyList<string> Overlays, int ExitCode, bool Passed, IReadOnlyList<BundleRuleResult> Results);

internal sealed record ErrorDocument(string Error, int ExitCode);
