namespace Slate.Runbook.Carve;

/// <summary>The carve's action kinds (the journal's and the applier's names for <see cref="CarveChangeKind"/>).</summary>
public static class CarveActions
{
    public const string DeleteInterface = "delete-interface";
    public const string SetVlan = "set-vlan";
    public const string SetBridgeType = "set-bridge-type";
    public const string CreateBridge = "create-bridge";
    public const string CreateVlan = "create-vlan";
    public const string Unlink = "unlink";
    public const string Link = "link";

    public static string KindOf(CarveChangeKind kind) => kind switch
    {
        CarveChangeKind.DeleteInterface => DeleteInterface,
        CarveChangeKind.SetVlan => SetVlan,
        CarveChangeKind.SetBridgeType => SetBridgeType,
        CarveChangeKind.CreateBridge => CreateBridge,
        CarveChangeKind.CreateVlan => CreateVlan,
        CarveChangeKind.Unlink => Unlink,
        _ => Link,
    };
}
