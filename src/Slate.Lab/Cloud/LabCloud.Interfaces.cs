using System.Net;

namespace Slate.Lab.Cloud;

public sealed partial class LabCloud
{
    private static readonly NodeStatus[] Editable =
        [NodeStatus.New, NodeStatus.Ready, NodeStatus.FailedTesting, NodeStatus.Allocated, NodeStatus.Broken];

    /// <summary>The interface by id or name, or MAAS's 404.</summary>
    public LabInterface GetInterface(LabMachine machine, string specifier)
    {
        lock (SyncRoot)
        {
            return machine.Interfaces.Find(i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == specifier || i.Name == specifier)
                ?? throw LabApiException.NotFound("Interface");
        }
    }

    public LabInterface CreatePhysical(string systemId, string? name, string? macAddress, int? vlanId)
    {
        lock (SyncRoot)
        {
            var machine = EditableMachine(systemId, "create interface");
            if (string.IsNullOrEmpty(macAddress)) throw LabApiException.Invalid("mac_address", "This field is required.");
            if (!IsMac(macAddress)) throw LabApiException.Invalid("mac_address", $"'{macAddress}' is not a valid MAC address.");
            if (MacInUse(macAddress, out var owner))
                throw LabApiException.Invalid("mac_address", $"This MAC address is already in use by {owner!.Hostname}.");
            var nic = NewInterface(name ?? $"eth{machine.Interfaces.Count}", InterfaceType.Physical, macAddress.ToLowerInvariant());
            nic.Vlan = vlanId is null ? Vlans[0] : VlanById(vlanId.Value, "vlan");
            RequireUniqueName(machine, nic.Name);
            machine.Interfaces.Add(nic);
            Record("maas", $"{machine.Hostname}: create physical {nic.Name}");
            return nic;
        }
    }

    public LabInterface CreateBridge(string systemId, string? name, string? parentId, string? bridgeType, string? macAddress, int? vlanId, bool stp, int fd)
    {
        lock (SyncRoot)
        {
            var machine = EditableMachine(systemId, "create bridge");
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (string.IsNullOrEmpty(name)) errors["name"] = ["This field is required."];
            var parent = parentId is null ? null : machine.Interfaces.Find(i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == parentId);
            if (parent is null) errors["parent"] = ["A bridge interface must have exactly one parent."];
            else if (parent.Type == InterfaceType.Bridge) errors["parent"] = ["A bridge interface can't have another bridge interface as parent."];
            else if (machine.ChildrenOf(parent).Any(c => c.Type == InterfaceType.Bridge))
                errors["parent"] = ["A bridge interface can't have a parent that is already in a bond or a bridge."];
            var type = (bridgeType ?? "standard").ToLowerInvariant();
            if (type is not ("standard" or "ovs"))
                errors["bridge_type"] = [$"Select a valid choice. {bridgeType} is not one of the available choices."];
            if (parent is null && string.IsNullOrEmpty(macAddress)) errors["mac_address"] = ["This field cannot be blank."];
            if (errors.Count > 0) throw LabApiException.Invalid(errors);
            RequireUniqueName(machine, name!);

            var bridge = NewInterface(name!, InterfaceType.Bridge, (macAddress ?? parent!.MacAddress).ToLowerInvariant());
            bridge.BridgeType = type;
            bridge.BridgeStp = stp;
            bridge.BridgeFd = fd;
            bridge.Vlan = vlanId is null ? parent!.Vlan : VlanById(vlanId.Value, "vlan");
            bridge.Parents.Add(parent!);
            parent!.Links.Clear(); // MAAS moves the parent under the bridge: no links, the bridge's VLAN
            parent.Vlan = bridge.Vlan;
            machine.Interfaces.Add(bridge);
            Record("maas", $"{machine.Hostname}: create bridge {bridge.Name} ({type}) on {parent.Name}");
            return bridge;
        }
    }

    public LabInterface CreateVlan(string systemId, string? name, string? parentId, int? vlanId)
    {
        lock (SyncRoot)
        {
            var machine = EditableMachine(systemId, "create VLAN");
            var parent = parentId is null ? null : machine.Interfaces.Find(i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == parentId);
            if (parent is null) throw LabApiException.Invalid("parent", "A VLAN interface must have exactly one parent.");
            if (parent.Type == InterfaceType.Vlan) throw LabApiException.Invalid("parent", "A VLAN interface can't have another VLAN interface as parent.");
            if (vlanId is null) throw LabApiException.Invalid("vlan", "A VLAN interface must be connected to a tagged VLAN.");
            var vlan = VlanById(vlanId.Value, "vlan");
            if (vlan.Vid == 0) throw LabApiException.Invalid("vlan", "A VLAN interface can only belong to a tagged VLAN.");
            var nic = NewInterface(name ?? $"{parent.Name}.{vlan.Vid}", InterfaceType.Vlan, parent.MacAddress);
            RequireUniqueName(machine, nic.Name);
            nic.Vlan = vlan;
            nic.Parents.Add(parent);
            machine.Interfaces.Add(nic);
            Record("maas", $"{machine.Hostname}: create VLAN {nic.Name}");
            return nic;
        }
    }

    public LabInterface LinkSubnet(string systemId, string interfaceId, string? mode, string? subnetSpecifier, string? ipAddress, bool force)
    {
        lock (SyncRoot)
        {
            var machine = EditableMachine(systemId, "link subnet");
            var nic = GetInterface(machine, interfaceId);
            var linkMode = ParseMode(mode);
            LabSubnet? subnet = null;
            if (!string.IsNullOrEmpty(subnetSpecifier))
            {
                subnet = FindSubnet(subnetSpecifier);
                if (subnet is null || (!force && nic.Vlan is not null && subnet.Vlan != nic.Vlan))
                    throw LabApiException.Invalid("subnet", "Select a valid choice. That choice is not one of the available choices.");
            }
            else if (linkMode is LinkMode.Auto or LinkMode.Static)
            {
                throw LabApiException.Invalid("subnet", "This field is required.");
            }
            if (linkMode == LinkMode.Dhcp && nic.Links.Find(l => l.Mode == LinkMode.Dhcp) is { } dhcp)
                throw LabApiException.Invalid("mode", $"Interface is already set to DHCP from '{dhcp.Subnet?.Name}'.");
            if (linkMode == LinkMode.LinkUp && !force && nic.Links.Any(l => l.Mode != LinkMode.LinkUp))
            {
                throw LabApiException.Invalid("mode",
                    "Cannot configure interface to link up (with no IP address) while other links are already configured. Specify force=True to override this behavior and delete all links.");
            }
            IPAddress? address = null;
            if (linkMode == LinkMode.Static)
            {
                if (string.IsNullOrEmpty(ipAddress)) address = NextFreeAddress(subnet!);
                else if (!IPAddress.TryParse(ipAddress, out address)) throw LabApiException.Invalid("ip_address", "Enter a valid IPv4 or IPv6 address.");
                else if (!subnet!.Cidr.Contains(address)) throw LabApiException.Invalid("ip_address", $"IP address is not in the given subnet '{subnet.Name}'.");
                else if (AddressInUse(address)) throw LabApiException.Invalid("ip_address", $"IP address {address} is already in use.");
            }
            if (force || linkMode == LinkMode.LinkUp) nic.Links.Clear();
            else nic.Links.RemoveAll(l => l.Mode == LinkMode.LinkUp);
            if (subnet is not null) nic.Vlan = subnet.Vlan;
            nic.Links.Add(NewLink(linkMode, subnet, address));
            Record("maas", $"{machine.Hostname}: link {nic.Name} {linkMode} {subnet?.Name} {address}".TrimEnd());
            return nic;
        }
    }

    public LabInterface UnlinkSubnet(string systemId, string interfaceId, string? linkId)
    {
        lock (SyncRoot)
        {
            var machine = EditableMachine(systemId, "unlink subnet");
            var nic = GetInterface(machine, interfaceId);
            var link = nic.Links.Find(l => l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == linkId);
            if (link is null)
            {
                var ids = string.Join("', '", nic.Links.Select(l => l.Id));
                throw LabApiException.Invalid("id", $"'{linkId}' is not a valid id.  It should be one of: '{ids}'.");
            }
            nic.Links.Remove(link);
            if (nic.Links.Count == 0 && nic.Vlan is not null) nic.Links.Add(NewLink(LinkMode.LinkUp, null, null));
            Record("maas", $"{machine.Hostname}: unlink {nic.Name} link {link.Id}");
            return nic;
        }
    }

    public LabInterface Disconnect(string systemId, string interfaceId)
    {
        lock (SyncRoot)
        {
            var machine = EditableMachine(systemId, "disconnect");
            var nic = GetInterface(machine, interfaceId);
            nic.Links.Clear();
            nic.Vlan = null;
            Record("maas", $"{machine.Hostname}: disconnect {nic.Name}");
            return nic;
        }
    }

    public void DeleteInterface(string systemId, string interfaceId)
    {
        lock (SyncRoot)
        {
            var machine = EditableMachine(systemId, "delete interface");
            var nic = GetInterface(machine, interfaceId);
            machine.Interfaces.Remove(nic);
            foreach (var child in machine.Interfaces) child.Parents.Remove(nic);
            Record("maas", $"{machine.Hostname}: delete {nic.Name}");
        }
    }

    /// <summary>PUT: allowed in the editable states and, for name and MAC only, on a Deployed machine.</summary>
    public LabInterface UpdateInterface(string systemId, string interfaceId, InterfaceEdit edit)
    {
        lock (SyncRoot)
        {
            var machine = GetMachine(systemId);
            var deployed = machine.Status == NodeStatus.Deployed;
            if (!deployed) RequireEditable(machine, "update interface");
            var nic = GetInterface(machine, interfaceId);
            if (edit.Name is { Length: > 0 } name && name != nic.Name)
            {
                RequireUniqueName(machine, name);
                nic.Name = name;
            }
            if (edit.MacAddress is { Length: > 0 } mac)
            {
                if (!IsMac(mac)) throw LabApiException.Invalid("mac_address", $"'{mac}' is not a valid MAC address.");
                nic.MacAddress = mac.ToLowerInvariant();
            }
            if (!deployed)
            {
                if (edit.VlanId is { } vlanId) nic.Vlan = VlanById(vlanId, "vlan");
                if (nic.Type == InterfaceType.Bridge)
                {
                    if (edit.BridgeType is { } type)
                    {
                        nic.BridgeType = type.ToLowerInvariant() is "standard" or "ovs" ? type.ToLowerInvariant()
                            : throw LabApiException.Invalid("bridge_type", $"Select a valid choice. {type} is not one of the available choices.");
                    }
                    nic.BridgeStp = edit.BridgeStp ?? nic.BridgeStp;
                    nic.BridgeFd = edit.BridgeFd ?? nic.BridgeFd;
                }
            }
            Record("maas", $"{machine.Hostname}: update {nic.Name}");
            return nic;
        }
    }

    private LabMachine EditableMachine(string systemId, string operation)
    {
        var machine = GetMachine(systemId);
        RequireEditable(machine, operation);
        return machine;
    }

    private static void RequireEditable(LabMachine machine, string operation)
    {
        if (!Editable.Contains(machine.Status))
            throw LabApiException.Conflict($"Cannot {operation} interface because the machine is not New, Ready, Allocated, or Broken.");
    }

    private static void RequireUniqueName(LabMachine machine, string name)
    {
        if (machine.Interfaces.Exists(i => i.Name == name))
            throw LabApiException.Invalid("name", $"Interface with name \"{name}\" already exists on machine \"{machine.Hostname}\".");
    }

    private LabVlan VlanById(int id, string field) =>
        Vlans.FirstOrDefault(v => v.Id == id) ?? throw LabApiException.Invalid(field, "Select a valid choice. That choice is not one of the available choices.");

    private static LinkMode ParseMode(string? mode) => mode?.ToLowerInvariant() switch
    {
        "auto" => LinkMode.Auto,
        "dhcp" => LinkMode.Dhcp,
        "static" => LinkMode.Static,
        "link_up" => LinkMode.LinkUp,
        null or "" => throw LabApiException.Invalid("mode", "This field is required."),
        _ => throw LabApiException.Invalid("mode", $"'{mode}' is not a valid mode.  It should be one of: 'auto', 'dhcp', 'static', 'link_up'."),
    };
}
