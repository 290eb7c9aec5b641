namespace Slate.Lab.Cloud;

public sealed class LabVlan(int id, int vid, LabFabric fabric)
{
    public int Id { get; } = id;
    public int Vid { get; } = vid;
    public LabFabric Fabric { get; } = fabric;
    public string Name => Vid == 0 ? "untagged" : Vid.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public int Mtu { get; init; } = 1500;

    /// <summary>The space the VLAN is bound to (MAAS keeps the space on the VLAN); null renders as "undefined".</summary>
    public LabSpace? Space { get; set; }
}
