namespace Slate.Runbook.Carve;

/// <summary>The argument names of the carve's planned actions (plain data: journalled and fingerprinted).</summary>
public static class CarveArguments
{
    public const string Host = "host";
    public const string SystemId = "system_id";
    public const string Interface = "interface";
    public const string InterfaceId = "interface_id";
    public const string Parent = "parent";
    public const string BridgeType = "bridge_type";
    public const string VlanId = "vlan_id";
    public const string SubnetId = "subnet_id";
    public const string Cidr = "cidr";
    public const string Address = "ip_address";
    public const string LinkId = "link_id";
    public const string Force = "force";
    public const string Cascade = "cascade";
}
