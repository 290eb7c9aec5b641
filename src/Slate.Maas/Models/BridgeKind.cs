namespace Slate.Maas.Models;

public enum BridgeKind
{
    Standard,
    Ovs,
}
