using Slate.Runbook.Sites;

namespace Slate.Lab.Cloud;

/// <summary>An IP range of a subnet (models/iprange.py): "dynamic" (MAAS's DHCP pool) or "reserved".</summary>
public sealed record LabIpRange(int Id, string Type, LabSubnet Subnet, AddressRange Range, string Comment)
{
    public const string Dynamic = "dynamic";
    public const string Reserved = "reserved";
}
