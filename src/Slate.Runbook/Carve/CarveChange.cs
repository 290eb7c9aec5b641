namespace Slate.Runbook.Carve;

/// <summary>The edits a carve makes, in the order it makes them (parents before children, unlinks before links).</summary>
public enum CarveChangeKind
{
    DeleteInterface,
    SetVlan,
    SetBridgeType,
    CreateBridge,
    CreateVlan,
    Unlink,
    Link,
}

/// <summary>
/// One difference between a host's interface tree and Pattern A, as the one MAAS write that removes it. Interface is the
/// interface's name; the other values are what the write needs (ids known at plan time, names for interfaces created earlier).
/// </summary>
public sealed record CarveChange(CarveChangeKind Kind, string Interface, string Expected, string Observed, IReadOnlyDictionary<string, string> Arguments);
