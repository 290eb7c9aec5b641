using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Carve;

/// <summary>
/// Compares one host's interface tree with Pattern A. Interfaces are matched by name; one whose kind or parent differs
/// is deleted and created again, and MAAS deletes its children with it. Strays (bridges, VLANs, bonds outside the
/// template) are deleted, the topmost only. A physical NIC commissioning left on another VLAN than its plane's is moved
/// there first. Links are a set difference on (STATIC, subnet, address); a link_up is MAAS's own placeholder and is not
/// a link. Creating a bridge clears its parent's links (MAAS models/interface.py _update_parents) and a VLAN move drops
/// the NIC's (models/signals/interfaces.py interface_vlan_update), so those are not unlinked one by one.
/// </summary>
public static class CarveDiff
{
    /// <summary>The MAAS status the runbook requires (Step 6: interface edits are rejected on Deployed).</summary>
    public const string Ready = "Ready";

    /// <summary>What a forced relink drops when the interface has no link.</summary>
    public const string NoLink = "no link";

    public static HostDiff Compare(Site site, Host host, MaasMachine? machine, MaasTopology topology, IReadOnlyDictionary<int, IReadOnlyList<MaasAddress>>? addresses)
    {
        var desired = PatternA.For(site, host);
        var findings = new List<Finding>();
        if (machine is null)
        {
            findings.Add(new Finding(Severity.Fatal, "host-missing", host.Name, "not in MAAS: re-enrol it first (Step 5)", "Ready", "absent"));
            return new HostDiff(host, null, desired, findings, [], new HashSet<string>(StringComparer.Ordinal));
        }
        var observed = machine.Interfaces.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var desiredNames = desired.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var created = new HashSet<string>(StringComparer.Ordinal);
        var doomed = new HashSet<string>(StringComparer.Ordinal);
        var vlans = new Dictionary<string, MaasVlan?>(StringComparer.Ordinal);
        var moved = new HashSet<string>(StringComparer.Ordinal);
        var changes = new List<CarveChange>();

        foreach (var d in desired)
        {
            observed.TryGetValue(d.Name, out var o);
            if (d.Template.Kind == InterfaceKind.Physical)
            {
                if (o is { Type: "physical" })
                {
                    kept.Add(d.Name);
                    vlans[d.Name] = o.Vlan;
                    if (d.Plane is null && PlaneVlan(site, topology, d.Template) is { } target && o.Vlan?.Id != target.Id)
                    {
                        // Commissioning put a NIC that got no DHCP lease on a fabric of its own (network.py guess_vlan_for_interface);
                        // a NIC that carries a plane itself is moved by its forced link instead (one write, see LinkChanges).
                        vlans[d.Name] = target;
                        moved.Add(d.Name);
                        changes.Add(new CarveChange(new CarveAction.SetVlan(machine.Hostname, machine.SystemId, d.Name, o.Id, target.Id),
                            VlanText(target), o.Vlan is null ? "on no VLAN" : VlanText(o.Vlan)));
                    }
                }
                else
                {
                    findings.Add(new Finding(Severity.Fatal, "nic-missing", $"{host.Name} {d.Name}",
                        o is null ? "physical NIC missing: MAAS has no such interface on this machine" : $"is a {o.Type}, not a physical NIC",
                        "physical", o?.Type ?? "absent"));
                }
                continue;
            }
            if (o is not null && o.Type == "physical")
            {
                findings.Add(new Finding(Severity.Fatal, "wrong-kind", $"{host.Name} {d.Name}", $"is a physical NIC where Pattern A has a {d.Kind}", d.Kind, "physical"));
                continue;
            }
            var parent = d.Template.Parent!;
            var parentVlan = vlans.GetValueOrDefault(parent);
            if (o is not null && kept.Contains(parent) && o.Type == d.Kind && o.Parents.SequenceEqual([parent])
                && (d.Template.Kind != InterfaceKind.Vlan || o.Vlan?.Vid == d.Template.Vid))
            {
                kept.Add(d.Name);
                vlans[d.Name] = o.Vlan;
                if (d.Template.Kind == InterfaceKind.Bridge && o.BridgeType != d.BridgeType)
                {
                    changes.Add(new CarveChange(new CarveAction.SetBridgeType(machine.Hostname, machine.SystemId, d.Name, o.Id, d.BridgeType),
                        $"bridge {d.BridgeType}", $"bridge {o.BridgeType}"));
                }
                continue;
            }
            if (o is not null)
                doomed.Add(o.Name);
            created.Add(d.Name);
            if (d.Template.Kind == InterfaceKind.Bridge)
            {
                vlans[d.Name] = parentVlan;
                changes.Add(new CarveChange(new CarveAction.CreateBridge(machine.Hostname, machine.SystemId, d.Name, parent, d.BridgeType), d.Describe(), Observed(o)));
                continue;
            }
            var vlan = parentVlan is null ? null : topology.VlanOn(parentVlan.FabricId, d.Template.Vid);
            vlans[d.Name] = vlan;
            if (vlan is null)
            {
                findings.Add(new Finding(Severity.Fatal, "vlan-missing", $"{host.Name} {d.Name}",
                    parentVlan is null
                        ? $"{parent} is on no VLAN, so VLAN {d.Template.Vid} has no fabric to be on"
                        : $"MAAS has no VLAN {d.Template.Vid} on {parentVlan.Fabric}, the fabric of {parent}",
                    $"VLAN {d.Template.Vid} on {parentVlan?.Fabric ?? "the parent's fabric"}", "absent"));
                continue;
            }
            changes.Add(new CarveChange(new CarveAction.CreateVlan(machine.Hostname, machine.SystemId, d.Name, parent, vlan.Id), d.Describe(), Observed(o)));
        }

        foreach (var stray in machine.Interfaces.Where(i => i.Type != "physical" && !desiredNames.Contains(i.Name)))
            doomed.Add(stray.Name);
        var gone = Descendants(machine, doomed);
        // MAAS deletes a child with its last parent only (models/signals/interfaces.py delete_children_interface_handler):
        // a doomed bond that keeps another parent is deleted on its own.
        var deletes = machine.Interfaces.Where(i => doomed.Contains(i.Name) && !(i.Parents.Count > 0 && i.Parents.All(gone.Contains)))
            .Select(i => new CarveChange(
                new CarveAction.DeleteInterface(machine.Hostname, machine.SystemId, i.Name, i.Id, string.Join(" ", Descendants(machine, [i.Name]).Where(n => n != i.Name))),
                desiredNames.Contains(i.Name) ? desired.First(d => d.Name == i.Name).Describe() : "absent (not in Pattern A)", Observed(i)))
            .ToList();

        // Links the plan removes without unlinking them: a new bridge clears its parent's, a VLAN move drops the NIC's.
        var cleared = site.Interfaces.Where(t => t.Kind == InterfaceKind.Bridge && created.Contains(t.Name)).Select(t => t.Parent!)
            .Concat(moved).ToHashSet(StringComparer.Ordinal);
        var links = new List<CarveChange>();
        foreach (var d in desired)
            links.AddRange(LinkChanges(site, host, machine, d, observed, kept, cleared, topology, vlans, findings));
        CarveAddresses.Check(host, machine, links, gone.Concat(cleared).ToHashSet(StringComparer.Ordinal), topology, addresses, findings);

        var ordered = deletes.Concat(changes.Where(c => c.Action is CarveAction.SetVlan))
            .Concat(changes.Where(c => c.Action is CarveAction.SetBridgeType))
            .Concat(changes.Where(c => c.Action is CarveAction.CreateBridge or CarveAction.CreateVlan))
            .Concat(links.Where(c => c.Action is CarveAction.Unlink))
            .Concat(links.Where(c => c.Action is CarveAction.Link))
            .ToList();
        if (machine.StatusName != Ready && ordered.Count > 0)
        {
            findings.Insert(0, new Finding(Severity.Fatal, "not-ready", host.Name,
                $"is {machine.StatusName}; the carve needs Ready, and MAAS refuses these edits: \"{Refusal(FirstRefused(ordered).Action)}\"", Ready, machine.StatusName));
        }
        foreach (var extra in machine.Interfaces.Where(i => i.Type == "physical" && !desiredNames.Contains(i.Name)))
            findings.Add(new Finding(Severity.Info, "not-in-pattern", $"{host.Name} {extra.Name}", "a physical NIC outside Pattern A: left as it is"));
        return new HostDiff(host, machine, desired, findings, ordered, created);
    }

    /// <summary>The change MAAS's state gate refuses first: a PUT passes on a Deployed machine (api/interfaces.py update), so it is quoted last.</summary>
    private static CarveChange FirstRefused(IReadOnlyList<CarveChange> ordered) =>
        ordered.FirstOrDefault(c => c.Action is not (CarveAction.SetVlan or CarveAction.SetBridgeType)) ?? ordered[0];

    /// <summary>MAAS's 409 text for the edit (api/interfaces.py raise_error_if_not_allowed; the lab answers the same).</summary>
    public static string Refusal(CarveAction action)
    {
        var operation = action switch
        {
            CarveAction.DeleteInterface => "delete interface",
            CarveAction.SetBridgeType or CarveAction.SetVlan => "update interface",
            CarveAction.CreateBridge => "create bridge",
            CarveAction.CreateVlan => "create VLAN",
            CarveAction.Unlink => "unlink subnet",
            _ => "link subnet",
        };
        return $"Cannot {operation} interface because the machine is not New, Ready, Allocated, or Broken.";
    }

    private static List<CarveChange> LinkChanges(
        Site site, Host host, MaasMachine machine, DesiredInterface d, Dictionary<string, MaasInterface> observed, HashSet<string> kept,
        HashSet<string> cleared, MaasTopology topology, Dictionary<string, MaasVlan?> vlans, List<Finding> findings)
    {
        var changes = new List<CarveChange>();
        var subnet = d.Plane is { } plane ? topology.SubnetWithCidr(plane.Cidr.ToString()) : null;
        if (d.Plane is { } missing && subnet is null)
        {
            findings.Add(new Finding(Severity.Fatal, "subnet-missing", $"{host.Name} {d.Name}",
                $"MAAS has no subnet {missing.Cidr} for plane {missing.Name}", missing.Cidr.ToString(), "absent"));
        }
        var vlan = vlans.GetValueOrDefault(d.Name);
        // Links the plan clears are not unlinked one by one; an interface deleted or created has none to unlink.
        var current = kept.Contains(d.Name) && !cleared.Contains(d.Name) ? observed[d.Name].Links.Where(IsLink).ToList() : [];
        (MaasSubnet Subnet, string Address)? wanted = subnet is null ? null : (subnet, d.Address!);
        var wrong = current.Where(l => wanted is not { } w || !Matches(l, w.Subnet, w.Address)).ToList();
        // An interface on another VLAN only because of a wrong link (a forced link moved it there) is relinked with
        // force: MAAS moves it back and drops exactly those wrong links. Otherwise the VLANs disagree in the topology.
        // So is a physical NIC (commissioning left it on a fabric of its own when it got no DHCP lease), and a kept bridge
        // on one: MAAS moves the bridge's parents with it (models/interface.py _update_parents).
        var movable = d.Template.Kind == InterfaceKind.Physical
                      || (d.Template.Kind == InterfaceKind.Bridge && kept.Contains(d.Name)
                          && site.Interfaces.FirstOrDefault(t => t.Name == d.Template.Parent)?.Kind == InterfaceKind.Physical);
        var relink = subnet is not null && vlan is not null && subnet.Vlan.Id != vlan.Id
                     && (movable || (wrong.Count > 0 && wrong.Count == current.Count
                         && wrong.All(l => topology.Subnets.FirstOrDefault(s => s.Id == l.SubnetId)?.Vlan.Id == vlan.Id)));
        if (subnet is not null && vlan is not null && subnet.Vlan.Id != vlan.Id && !relink)
        {
            findings.Add(new Finding(Severity.Fatal, "subnet-vlan", $"{host.Name} {d.Name}",
                $"subnet {subnet.Cidr} is on {VlanText(subnet.Vlan)}, but {d.Name} is on {VlanText(vlan)}: MAAS links a subnet only on the interface's VLAN",
                VlanText(vlan), VlanText(subnet.Vlan)));
        }
        if (!relink)
        {
            foreach (var link in wrong)
            {
                changes.Add(new CarveChange(new CarveAction.Unlink(machine.Hostname, machine.SystemId, d.Name, observed[d.Name].Id, link.Id),
                    wanted is { } w ? $"static {w.Address}" : "no link", LinkText(link)));
            }
        }
        if (wanted is not { } want || current.Any(l => Matches(l, want.Subnet, want.Address)))
            return changes;
        var dropped = wrong.Count == 0 ? NoLink : string.Join(" + ", wrong.Select(LinkText));
        changes.Add(new CarveChange(
            new CarveAction.Link(machine.Hostname, machine.SystemId, d.Name, want.Subnet.Id, want.Subnet.Cidr, want.Address, relink ? dropped : null),
            $"static {want.Address} on {want.Subnet.Cidr}", relink ? (wrong.Count == 0 ? VlanText(vlan!) : $"{dropped} on {VlanText(vlan!)}") : "no such link"));
        return changes;
    }

    /// <summary>
    /// A link the carve reasons about. A link_up (with or without a subnet) is MAAS's placeholder for an interface with no
    /// address, and a STATIC link replaces it by itself (models/interface.py _link_subnet_static: remove_link_up).
    /// </summary>
    private static bool IsLink(MaasLink link) => link.Mode != "link_up";

    /// <summary>
    /// The VLAN a physical NIC must be on: that of the nearest plane carried by it or by the bridges and VLAN interfaces
    /// on it (for a tagged plane, the untagged VLAN of its fabric); null when its subtree has no plane MAAS knows.
    /// </summary>
    private static MaasVlan? PlaneVlan(Site site, MaasTopology topology, InterfaceTemplate nic)
    {
        var vlan = site.NearestPlane(nic) is { } plane ? topology.SubnetWithCidr(plane.Cidr.ToString())?.Vlan : null;
        return vlan is null || vlan.Vid == 0 ? vlan : topology.VlanOn(vlan.FabricId, 0);
    }

    private static bool Matches(MaasLink link, MaasSubnet subnet, string address) =>
        link.Mode == "static" && link.SubnetId == subnet.Id && link.IpAddress == address;

    /// <summary>The interfaces named and every interface below them.</summary>
    private static HashSet<string> Descendants(MaasMachine machine, IEnumerable<string> roots)
    {
        var found = roots.ToHashSet(StringComparer.Ordinal);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var i in machine.Interfaces.Where(i => !found.Contains(i.Name) && i.Parents.Count > 0 && i.Parents.All(found.Contains)))
                grew |= found.Add(i.Name);
        }
        return found;
    }

    public static string Observed(MaasInterface? o)
    {
        if (o is null)
            return "absent";
        var what = o.Type switch
        {
            "bridge" => $"bridge {o.BridgeType} on {string.Join("+", o.Parents)}",
            "vlan" => $"vlan {o.Vlan?.Vid.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} on {string.Join("+", o.Parents)}",
            "physical" => "physical",
            _ => $"{o.Type} on {string.Join("+", o.Parents)}",
        };
        var links = o.Links.Where(IsLink).Select(LinkText).ToList();
        return links.Count == 0 ? $"{what}, no address" : $"{what}, {string.Join(" + ", links)}";
    }

    public static string LinkText(MaasLink link) => link.IpAddress is { } ip ? $"{link.Mode} {ip}" : $"{link.Mode} {link.Cidr ?? "(no subnet)"}";

    public static string VlanText(MaasVlan vlan) => $"VLAN {(vlan.Vid == 0 ? "untagged" : vlan.Vid.ToString(System.Globalization.CultureInfo.InvariantCulture))} of {vlan.Fabric}";
}
