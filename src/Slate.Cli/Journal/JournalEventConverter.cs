using System.Text.Json;
using System.Text.Json.Serialization;
using Slate.Runbook.Ports;

namespace Slate.Cli.Journal;

/// <summary>An event as the journal's word ("plan", "saved-plan", …); a word no journal holds makes the line unreadable.</summary>
internal sealed class JournalEventConverter : JsonConverter<JournalEvent>
{
    public override JournalEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && JournalEvents.TryParse(reader.GetString()!, out var journalEvent)
            ? journalEvent
            : throw new JsonException("not a journal event");

    public override void Write(Utf8JsonWriter writer, JournalEvent value, JsonSerializerOptions options) => writer.WriteStringValue(value.Word());
}
