using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slate.Maas.Models;

internal sealed class InterfaceParamsConverter : JsonConverter<InterfaceParams>
{
    public override InterfaceParams Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return InterfaceParams.None;
        return new InterfaceParams
        {
            BridgeType = String(root, "bridge_type"),
            BridgeStp = root.TryGetProperty("bridge_stp", out var stp) && stp.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? stp.GetBoolean()
                : null,
            BridgeFd = Int(root, "bridge_fd"),
            BondMode = String(root, "bond_mode"),
            Mtu = Int(root, "mtu"),
        };
    }

    public override void Write(Utf8JsonWriter writer, InterfaceParams value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.BridgeType is { } type) writer.WriteString("bridge_type", type);
        if (value.BridgeStp is { } stp) writer.WriteBoolean("bridge_stp", stp);
        if (value.BridgeFd is { } fd) writer.WriteNumber("bridge_fd", fd);
        if (value.BondMode is { } mode) writer.WriteString("bond_mode", mode);
        if (value.Mtu is { } mtu) writer.WriteNumber("mtu", mtu);
        writer.WriteEndObject();
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n)
            ? n
            : null;
}
