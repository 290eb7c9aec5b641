using System.Text.Json.Serialization;
using Slate.Runbook.Ports;

namespace Slate.Cli.Journal;

/// <summary>One compact JSON object per journal line. Source-generated: the CLI is published with Native AOT.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = false,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(JournalEventConverter)])]
[JsonSerializable(typeof(JournalEntry))]
internal sealed partial class JournalJson : JsonSerializerContext;
