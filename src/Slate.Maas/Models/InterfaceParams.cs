using System.Text.Json.Serialization;

namespace Slate.Maas.Models;

/// <summary>Interface <c>params</c>: bridge/bond settings. MAAS sends <c>""</c> for a plain interface, read as <see cref="None"/>.</summary>
[JsonConverter(typeof(InterfaceParamsConverter))]
public sealed record InterfaceParams
{
    public static readonly InterfaceParams None = new();

    /// <summary><c>standard</c> or <c>ovs</c> on bridges.</summary>
    public string? BridgeType { get; init; }

    public bool? BridgeStp { get; init; }
    public int? BridgeFd { get; init; }
    public string? BondMode { get; init; }
    public int? Mtu { get; init; }
}
