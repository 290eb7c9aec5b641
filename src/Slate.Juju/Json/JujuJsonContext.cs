using System.Text.Json.Serialization;

namespace Slate.Juju.Json;

[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(ModelsDocument))]
internal sealed partial class JujuJsonContext : JsonSerializerContext;
