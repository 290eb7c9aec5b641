using System.Globalization;
using System.Net;

namespace Slate.Lab.Cloud;

/// <summary>
/// A machine's interfaces and their links (MAAS forms/interface.py, forms/interface_link.py, models/interface.py).
/// Every operation takes the cloud's lock and answers MAAS's texts; the caller resolved machine and interface.
/// </summary>
public sealed class LabInterfaces
{
    private static readonly NodeStatus[] Editable =
        [NodeStatus.New, NodeStatus.Ready, NodeStatus.FailedTesting, NodeStatus.Allocated, NodeStatus.Broken];

    private readonly LabCloud _cloud;
    private int _nextInterfaceId = 1;
    private int _nextLinkId = 1;

    internal LabInterfaces(LabCloud cloud) => _cloud = cloud;

    private LabNetworks Networks => _cloud.Networks;

    /// <summary>The interface by id or name, or MAAS's 404.</summary>
    public static LabInterface Get(LabMachine machine, string specifier) =>
        machine.Interfaces.Find(i => i.Id.ToString(CultureInfo.InvariantCulture) == specifier || i.Name == specifier)
            ?? throw LabApiException.NotFound("Interface");

    internal LabInterface New(string name, InterfaceType type, string mac) => new(_nextInterfaceId++, name, type, mac);

    internal LabLink NewLink(LinkMode mode, LabSubnet? subnet, IPAddress? address) => new(_nextLinkId++, mode, subnet, address);

    public LabInterface CreatePhysical(LabMachine machine, PhysicalSpec spec)
    {
        lock (_cloud.SyncRoot)
        {
            RequireEditable(machine, "create interface");
            if (string.IsNullOrEmpty(spec.MacAddress)) throw LabApiException.Invalid("mac_address", "This field is required.");
            if (!MacAddressText.IsValid(spec.MacAddress)) throw LabApiException.Invalid("mac_address", $"'{spec.MacAddress}' is not a valid MAC address.");
            if (_cloud.Machines.OwnerOfMac(spec.MacAddress) is { } owner)
                throw LabApiException.Invalid("mac_address", $"This MAC address is already in use by {owner.Hostname}.");
            var nic = New(spec.Name ?? $"eth{machine.Interfaces.Count}", InterfaceType.Physical, spec.MacAddress.ToLowerInvariant());
            nic.Vlan = spec.VlanId is { } vlanId ? VlanById(vlanId) : Networks.Fabrics[0].Vlans[0];
            RequireUniqueName(machine, nic.Name);
            machine.Interfaces.Add(nic);
            _cloud.Record("maas", $"{machine.Hostname}: create physical {nic.Name}");
            return nic;
        }
    }

    public LabInterface CreateBridge(LabMachine machine, BridgeSpec spec)
    {
        lock (_cloud.SyncRoot)
        {
            RequireEditable(machine, "create bridge");
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (string.IsNullOrEmpty(spec.Name)) errors["name"] = ["This field is required."];
            var parent = spec.ParentId is { } parentId ? machine.Interfaces.Find(i => i.Id == parentId) : null;
            if (parent is null) errors["parent"] = ["A bridge interface must have at least one parent."];
            else if (parent.Type == InterfaceType.Bridge) errors["parent"] = ["A bridge interface can't have another bridge interface as parent."];
            else if (machine.ChildrenOf(parent).Any(c => c.Type is InterfaceType.Bridge or InterfaceType.Bond))
                errors["parent"] = ["A bridge interface can't have a parent that is already in a bond or a bridge."];
            if (errors.Count > 0) throw LabApiException.Invalid(errors);
            RequireUniqueName(machine, spec.Name!);

            var bridge = New(spec.Name!, InterfaceType.Bridge, (spec.MacAddress ?? parent!.MacAddress).ToLowerInvariant());
            bridge.BridgeType = spec.BridgeType;
            bridge.BridgeStp = spec.Stp;
            bridge.BridgeFd = spec.ForwardDelay;
            AdoptParents(machine, bridge, [parent!], spec.VlanId);
            _cloud.Record("maas", $"{machine.Hostname}: create bridge {bridge.Name} ({bridge.BridgeType}) on {parent!.Name}");
            return bridge;
        }
    }

    public LabInterface CreateBond(LabMachine machine, BondSpec spec)
    {
        lock (_cloud.SyncRoot)
        {
            RequireEditable(machine, "create bond");
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (string.IsNullOrEmpty(spec.Name)) errors["name"] = ["This field is required."];
            var parents = spec.ParentIds.Select(id => machine.Interfaces.Find(i => i.Id == id)).OfType<LabInterface>().ToList();
            if (parents.Count == 0) errors["parents"] = ["A bond interface must have one or more parents."];
            var busy = parents.Where(p => machine.ChildrenOf(p).Any()).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            if (busy.Count > 0) errors["parents"] = [$"Interfaces already in-use: {string.Join(", ", busy)}."];
            if (errors.Count > 0) throw LabApiException.Invalid(errors);
            RequireUniqueName(machine, spec.Name!);

            var bond = New(spec.Name!, InterfaceType.Bond, (spec.MacAddress ?? parents[0].MacAddress).ToLowerInvariant());
            bond.BondMode = spec.BondMode;
            AdoptParents(machine, bond, parents, spec.VlanId);
            _cloud.Record("maas", $"{machine.Hostname}: create bond {bond.Name} on {string.Join(", ", parents.Select(p => p.Name))}");
            return bond;
        }
    }

    public LabInterface CreateVlan(LabMachine machine, VlanInterfaceSpec spec)
    {
        lock (_cloud.SyncRoot)
        {
            RequireEditable(machine, "create VLAN");
            var parent = spec.ParentId is { } parentId ? machine.Interfaces.Find(i => i.Id == parentId) : null;
            if (parent is null) throw LabApiException.Invalid("parent", "A VLAN interface must have exactly one parent.");
            if (parent.Type == InterfaceType.Vlan) throw LabApiException.Invalid("parent", "A VLAN interface can't have another VLAN interface as parent.");
            if (spec.VlanId is null) throw LabApiException.Invalid("vlan", "A VLAN interface must be connected to a tagged VLAN.");
            var vlan = VlanById(spec.VlanId.Value);
            if (vlan.Vid == 0) throw LabApiException.Invalid("vlan", "A VLAN interface can only belong to a tagged VLAN.");
            var nic = New(spec.Name ?? $"{parent.Name}.{vlan.Vid}", InterfaceType.Vlan, parent.MacAddress);
            RequireUniqueName(machine, nic.Name);
            nic.Vlan = vlan;
            nic.Parents.Add(parent);
            machine.Interfaces.Add(nic);
            _cloud.Record("maas", $"{machine.Hostname}: create VLAN {nic.Name}");
            return nic;
        }
    }

    /// <summary>
    /// Only a subnet on the interface's VLAN is offered unless forced (forms/interface_link.py sets the queryset to
    /// vlan.subnet_set); a numeric id outside it answers "None found with id=N." (fields.py).
    /// </summary>
    public LabInterface LinkSubnet(LabMachine machine, LabInterface nic, LinkSubnetCommand command)
    {
        lock (_cloud.SyncRoot)
        {
            RequireEditable(machine, "link subnet");
            LabSubnet? subnet = null;
            if (!string.IsNullOrEmpty(command.Subnet))
            {
                subnet = Networks.FindSubnet(command.Subnet);
                var offered = subnet is not null && (command.Force || nic.Vlan is null || subnet.Vlan == nic.Vlan);
                if (!offered)
                {
                    throw LabApiException.Invalid("subnet", int.TryParse(command.Subnet, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                        ? $"None found with id={command.Subnet}."
                        : "Select a valid choice. That choice is not one of the available choices.");
                }
            }
            else if (command.Mode is LinkMode.Auto or LinkMode.Static)
            {
                throw LabApiException.Invalid("subnet", "This field is required.");
            }
            if (command.Mode == LinkMode.Dhcp && nic.Links.Find(l => l.Mode == LinkMode.Dhcp) is { } dhcp)
                throw LabApiException.Invalid("mode", $"Interface is already set to DHCP from '{dhcp.Subnet?.Name}'.");
            if (command.Mode == LinkMode.LinkUp && !command.Force && nic.Links.Any(l => l.Mode != LinkMode.LinkUp))
            {
                throw LabApiException.Invalid("mode",
                    "Cannot configure interface to link up (with no IP address) while other links are already configured. Specify force=True to override this behavior and delete all links.");
            }
            var address = command.IpAddress;
            if (command.Mode == LinkMode.Static)
            {
                if (address is null) address = Networks.NextFreeAddress(subnet!);
                else if (!subnet!.Cidr.Contains(address)) throw LabApiException.Invalid("ip_address", $"IP address is not in the given subnet '{subnet.Name}'.");
                else if (Networks.DynamicRangeFor(subnet, address) is { } dynamic)
                    throw LabApiException.Invalid("ip_address", $"IP address is inside a dynamic range {dynamic.Range.Start} to {dynamic.Range.End}.");
                else if (Networks.AddressInUse(address)) throw LabApiException.NotFoundText("IP address is already in use.");
            }
            if (command.Force || command.Mode == LinkMode.LinkUp) nic.Links.Clear();
            else nic.Links.RemoveAll(l => l.Mode == LinkMode.LinkUp);
            if (subnet is not null) MoveToVlan(machine, nic, subnet.Vlan);
            var link = NewLink(command.Mode, subnet, command.Mode == LinkMode.Static ? address : null);
            nic.Links.Add(link);
            if (command.DefaultGateway && subnet is not null) machine.GatewayLinkId = link.Id;
            _cloud.Record("maas", $"{machine.Hostname}: link {nic.Name} {command.Mode.Name()} {subnet?.Name} {address}".TrimEnd());
            return nic;
        }
    }

    public LabInterface UnlinkSubnet(LabMachine machine, LabInterface nic, int? linkId)
    {
        lock (_cloud.SyncRoot)
        {
            RequireEditable(machine, "unlink subnet");
            var link = nic.Links.Find(l => l.Id == linkId);
            if (link is null)
            {
                var ids = string.Join("', '", nic.Links.Select(l => l.Id));
                throw LabApiException.Invalid("id", $"'{linkId}' is not a valid id.  It should be one of: '{ids}'.");
            }
            nic.Links.Remove(link);
            if (machine.GatewayLinkId == link.Id) machine.GatewayLinkId = null;
            if (nic.Links.Count == 0 && nic.Vlan is not null) nic.Links.Add(NewLink(LinkMode.LinkUp, null, null));
            _cloud.Record("maas", $"{machine.Hostname}: unlink {nic.Name} link {link.Id}");
            return nic;
        }
    }

    /// <summary>
    /// The machine's IPv4 default gateway: the given link, else the interface's only link with a gateway
    /// (forms/interface_link.py InterfaceSetDefaultGatwayForm).
    /// </summary>
    public LabInterface SetDefaultGateway(LabMachine machine, LabInterface nic, int? linkId)
    {
        lock (_cloud.SyncRoot)
        {
            RequireEditable(machine, "set default gateway");
            var usable = nic.Links.Where(l => l.Subnet is not null && l.Mode != LinkMode.LinkUp).ToList();
            if (usable.Count == 0) throw LabApiException.Invalid("__all__", "This interface has no usable gateways.");
            LabLink link;
            if (linkId is { } id)
            {
                link = usable.Find(l => l.Id == id) ?? throw LabApiException.Invalid("link_id",
                    $"Select a valid choice. {id} is not one of the available choices.");
            }
            else if (usable.Count == 1) link = usable[0];
            else throw LabApiException.Invalid("link_id", "This interface has multiple usable IPv4 gateways. Provide a link_id to select the default gateway.");
            machine.GatewayLinkId = link.Id;
            _cloud.Record("maas", $"{machine.Hostname}: default gateway {link.Subnet!.Gateway} via {nic.Name}");
            return nic;
        }
    }

    public LabInterface Disconnect(LabMachine machine, LabInterface nic)
    {
        lock (_cloud.SyncRoot)
        {
            RequireEditable(machine, "disconnect");
            nic.Links.Clear();
            nic.Vlan = null;
            _cloud.Record("maas", $"{machine.Hostname}: disconnect {nic.Name}");
            return nic;
        }
    }

    /// <summary>Deletes the interface and every child it orphans, recursively (models/signals/interfaces.py).</summary>
    public void Delete(LabMachine machine, LabInterface nic)
    {
        lock (_cloud.SyncRoot)
        {
            RequireEditable(machine, "delete interface");
            Remove(machine, nic);
            _cloud.Record("maas", $"{machine.Hostname}: delete {nic.Name}");
        }
    }

    /// <summary>PUT: allowed in the editable states and, for name and MAC only, on a Deployed machine.</summary>
    public LabInterface Update(LabMachine machine, LabInterface nic, InterfaceEdit edit)
    {
        lock (_cloud.SyncRoot)
        {
            var deployed = machine.Status == NodeStatus.Deployed;
            if (!deployed) RequireEditable(machine, "update interface");
            if (edit.Name is { Length: > 0 } name && name != nic.Name)
            {
                RequireUniqueName(machine, name);
                nic.Name = name;
            }
            if (edit.MacAddress is { Length: > 0 } mac)
            {
                if (!MacAddressText.IsValid(mac)) throw LabApiException.Invalid("mac_address", $"'{mac}' is not a valid MAC address.");
                nic.MacAddress = mac.ToLowerInvariant();
            }
            if (!deployed)
            {
                if (edit.VlanId is { } vlanId) MoveToVlan(machine, nic, VlanById(vlanId));
                if (nic.Type == InterfaceType.Bridge)
                {
                    if (edit.BridgeType is { } type) nic.BridgeType = BridgeTypes.Parse(type);
                    nic.BridgeStp = edit.BridgeStp ?? nic.BridgeStp;
                    nic.BridgeFd = edit.BridgeFd ?? nic.BridgeFd;
                }
            }
            _cloud.Record("maas", $"{machine.Hostname}: update {nic.Name}");
            return nic;
        }
    }

    private void Remove(LabMachine machine, LabInterface nic)
    {
        machine.Interfaces.Remove(nic);
        if (nic.Links.Any(l => l.Id == machine.GatewayLinkId)) machine.GatewayLinkId = null;
        foreach (var child in machine.Interfaces.Where(i => i.Parents.Contains(nic)).ToList())
        {
            child.Parents.Remove(nic);
            if (child.Parents.Count > 0) continue;
            _cloud.Record("maas", $"{machine.Hostname}: {child.Name} has been deleted; orphaned by {nic.Name}.");
            Remove(machine, child);
        }
    }

    /// <summary>
    /// An interface put on another VLAN loses its links (DISCOVERED addresses stay) and a fabric it leaves empty is
    /// deleted (models/signals/interfaces.py interface_vlan_update); a bond's or bridge's parents follow it onto the VLAN,
    /// their links cleared (models/interface.py _update_parents).
    /// </summary>
    private void MoveToVlan(LabMachine machine, LabInterface nic, LabVlan vlan)
    {
        var old = nic.Vlan;
        if (old == vlan) return;
        nic.Vlan = vlan;
        nic.Links.Clear();
        if (nic.Type is InterfaceType.Bridge or InterfaceType.Bond)
        {
            foreach (var parent in nic.Parents)
            {
                MoveToVlan(machine, parent, vlan);
                _cloud.Record("maas", $"{machine.Hostname}: {parent.Name} VLAN updated to match {nic.Name}");
            }
        }
        if (old is not null) Networks.DeleteFabricIfEmpty(old);
    }

    /// <summary>MAAS moves the parents under the new bond or bridge: no links, the child's VLAN.</summary>
    private void AdoptParents(LabMachine machine, LabInterface child, IReadOnlyList<LabInterface> parents, int? vlanId)
    {
        child.Vlan = vlanId is { } id ? VlanById(id) : parents[0].Vlan;
        foreach (var parent in parents)
        {
            child.Parents.Add(parent);
            parent.Links.Clear();
            parent.Vlan = child.Vlan;
        }
        machine.Interfaces.Add(child);
    }

    private static void RequireEditable(LabMachine machine, string operation)
    {
        if (!Editable.Contains(machine.Status))
            throw LabApiException.Conflict($"Cannot {operation} interface because the machine is not New, Ready, Allocated, or Broken.");
    }

    /// <summary>forms/interface.py clean_interface_name_uniqueness; str(node) is "system_id (hostname)".</summary>
    private static void RequireUniqueName(LabMachine machine, string name)
    {
        if (machine.Interfaces.Exists(i => i.Name == name))
            throw LabApiException.Invalid("name", $"Node {machine.SystemId} ({machine.Hostname}) already has an interface named '{name}'.");
    }

    private LabVlan VlanById(int id) =>
        Networks.FindVlan(id) ?? throw LabApiException.Invalid("vlan", "Select a valid choice. That choice is not one of the available choices.");
}
