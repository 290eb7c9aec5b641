using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slate.Maas.Models;

/// <summary>Reads a secret from MAAS; writes only the redaction marker, so a serialised model never leaks it.</summary>
internal sealed class MaasSecretConverter : JsonConverter<MaasSecret>
{
    public override MaasSecret Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, MaasSecret value, JsonSerializerOptions options) =>
        writer.WriteStringValue(MaasSecret.Redacted);
}
