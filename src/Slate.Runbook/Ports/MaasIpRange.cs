using Slate.Runbook.Sites;

namespace Slate.Runbook.Ports;

/// <summary>An IPv4 range of a subnet as MAAS keeps it: Dynamic is MAAS's DHCP pool (no STATIC link inside it), else reserved.</summary>
public sealed record MaasIpRange(int Id, bool Dynamic, int SubnetId, AddressRange Range, string Comment)
{
    public string Describe() => $"{(Dynamic ? "dynamic" : "reserved")} range {Range.Start} to {Range.End}{(Comment.Length > 0 ? $" ({Comment})" : "")}";
}
