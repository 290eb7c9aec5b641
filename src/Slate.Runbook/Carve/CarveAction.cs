using System.Globalization;
using Slate.Runbook.Core;

namespace Slate.Runbook.Carve;

/// <summary>
/// What the carve does to one interface of one host, one MAAS write each, in the order it makes them: delete, move to
/// a VLAN, change a bridge's type, create bridges and VLAN interfaces, unlink, link. Ids are MAAS's at plan time;
/// parents created earlier in the run are named.
/// </summary>
public abstract record CarveAction : IStepAction<CarveAction>
{
    private const string DeleteInterfaceKind = "delete-interface";
    private const string SetVlanKind = "set-vlan";
    private const string SetBridgeTypeKind = "set-bridge-type";
    private const string CreateBridgeKind = "create-bridge";
    private const string CreateVlanKind = "create-vlan";
    private const string UnlinkKind = "unlink";
    private const string LinkKind = "link";
    private const string HostKey = "host";
    private const string SystemIdKey = "system_id";
    private const string InterfaceKey = "interface";
    private const string InterfaceIdKey = "interface_id";
    private const string ParentKey = "parent";
    private const string BridgeTypeKey = "bridge_type";
    private const string VlanIdKey = "vlan_id";
    private const string SubnetIdKey = "subnet_id";
    private const string CidrKey = "cidr";
    private const string AddressKey = "ip_address";
    private const string LinkIdKey = "link_id";
    private const string ForceKey = "force";
    private const string CascadeKey = "cascade";

    private CarveAction(string host, string systemId, string name) => (Host, SystemId, Interface) = (host, systemId, name);

    public string Host { get; }

    public string SystemId { get; }

    /// <summary>The interface's name.</summary>
    public string Interface { get; }

    /// <summary>Delete the interface; MAAS deletes the Cascade (the children it orphans) with it.</summary>
    public sealed record DeleteInterface(string Host, string SystemId, string Interface, int InterfaceId, string Cascade) : CarveAction(Host, SystemId, Interface);

    /// <summary>Move the interface onto the VLAN (MAAS drops its links).</summary>
    public sealed record SetVlan(string Host, string SystemId, string Interface, int InterfaceId, int VlanId) : CarveAction(Host, SystemId, Interface);

    /// <summary>Change a bridge's type, keeping its links.</summary>
    public sealed record SetBridgeType(string Host, string SystemId, string Interface, int InterfaceId, string BridgeType) : CarveAction(Host, SystemId, Interface);

    public sealed record CreateBridge(string Host, string SystemId, string Interface, string Parent, string BridgeType) : CarveAction(Host, SystemId, Interface);

    public sealed record CreateVlan(string Host, string SystemId, string Interface, string Parent, int VlanId) : CarveAction(Host, SystemId, Interface);

    public sealed record Unlink(string Host, string SystemId, string Interface, int InterfaceId, int LinkId) : CarveAction(Host, SystemId, Interface);

    /// <summary>A STATIC link; with Dropped (what the interface has now) it is forced, and MAAS moves the interface to the subnet's VLAN.</summary>
    public sealed record Link(string Host, string SystemId, string Interface, int SubnetId, string Cidr, string Address, string? Dropped) : CarveAction(Host, SystemId, Interface);

    public PlannedAction Planned(string description)
    {
        (string, string)[] where = [(HostKey, Host), (SystemIdKey, SystemId), (InterfaceKey, Interface)];
        var subject = $"{Host} {Interface}";
        return this switch
        {
            DeleteInterface a => PlannedAction.Of(DeleteInterfaceKind, subject, description, [.. where, (InterfaceIdKey, Text(a.InterfaceId)), (CascadeKey, a.Cascade)]),
            SetVlan a => PlannedAction.Of(SetVlanKind, subject, description, [.. where, (InterfaceIdKey, Text(a.InterfaceId)), (VlanIdKey, Text(a.VlanId))]),
            SetBridgeType a => PlannedAction.Of(SetBridgeTypeKind, subject, description, [.. where, (InterfaceIdKey, Text(a.InterfaceId)), (BridgeTypeKey, a.BridgeType)]),
            CreateBridge a => PlannedAction.Of(CreateBridgeKind, subject, description, [.. where, (ParentKey, a.Parent), (BridgeTypeKey, a.BridgeType)]),
            CreateVlan a => PlannedAction.Of(CreateVlanKind, subject, description, [.. where, (ParentKey, a.Parent), (VlanIdKey, Text(a.VlanId))]),
            Unlink a => PlannedAction.Of(UnlinkKind, subject, description, [.. where, (InterfaceIdKey, Text(a.InterfaceId)), (LinkIdKey, Text(a.LinkId))]),
            Link { Dropped: { } dropped } a => PlannedAction.Of(LinkKind, subject, description,
                [.. where, (SubnetIdKey, Text(a.SubnetId)), (CidrKey, a.Cidr), (AddressKey, a.Address), (ForceKey, dropped)]),
            Link a => PlannedAction.Of(LinkKind, subject, description, [.. where, (SubnetIdKey, Text(a.SubnetId)), (CidrKey, a.Cidr), (AddressKey, a.Address)]),
            _ => throw new InvalidOperationException($"the carve has no action {GetType().Name}"),
        };
    }

    public static CarveAction From(PlannedAction planned)
    {
        string Host() => planned.Argument(HostKey);
        string SystemId() => planned.Argument(SystemIdKey);
        string Name() => planned.Argument(InterfaceKey);
        int Number(string key) => int.Parse(planned.Argument(key), CultureInfo.InvariantCulture);
        return planned.Kind switch
        {
            DeleteInterfaceKind => new DeleteInterface(Host(), SystemId(), Name(), Number(InterfaceIdKey), planned.Argument(CascadeKey)),
            SetVlanKind => new SetVlan(Host(), SystemId(), Name(), Number(InterfaceIdKey), Number(VlanIdKey)),
            SetBridgeTypeKind => new SetBridgeType(Host(), SystemId(), Name(), Number(InterfaceIdKey), planned.Argument(BridgeTypeKey)),
            CreateBridgeKind => new CreateBridge(Host(), SystemId(), Name(), planned.Argument(ParentKey), planned.Argument(BridgeTypeKey)),
            CreateVlanKind => new CreateVlan(Host(), SystemId(), Name(), planned.Argument(ParentKey), Number(VlanIdKey)),
            UnlinkKind => new Unlink(Host(), SystemId(), Name(), Number(InterfaceIdKey), Number(LinkIdKey)),
            LinkKind => new Link(Host(), SystemId(), Name(), Number(SubnetIdKey), planned.Argument(CidrKey), planned.Argument(AddressKey),
                planned.Arguments.GetValueOrDefault(ForceKey)),
            _ => throw new InvalidOperationException($"the carve has no action {planned.Kind}"),
        };
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
