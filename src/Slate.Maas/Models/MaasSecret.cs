using System.Text.Json.Serialization;

namespace Slate.Maas.Models;

/// <summary>A secret value (e.g. the libvirt power password). ToString and JSON output never show it; call <see cref="Reveal"/>.</summary>
[JsonConverter(typeof(MaasSecretConverter))]
public sealed class MaasSecret(string value) : IEquatable<MaasSecret>
{
    public const string Redacted = "***";

    public string Reveal() => value;

    public override string ToString() => Redacted;

    public bool Equals(MaasSecret? other) => other is not null && other.Reveal() == value;

    public override bool Equals(object? obj) => Equals(obj as MaasSecret);

    public override int GetHashCode() => value.GetHashCode(StringComparison.Ordinal);
}
