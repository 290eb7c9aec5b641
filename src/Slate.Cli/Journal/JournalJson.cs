using System.Text.Json.Serialization;
using Slate.Runbook.Ports;

namespace Slate.Cli.Journal;

/// <summary>
/// One compact JSON object per journal line. Source-generated: the CLI is published with Native AOT. A line without
/// its time, cloud, step or event (or with one null) does not read, as a line cut short by a crash does not.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = false,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    Converters = [typeof(JournalEventConverter)])]
[JsonSerializable(typeof(JournalEntry))]
internal sealed partial class JournalJson : JsonSerializerContext;
