using Slate.Lab.Hypervisor;

namespace Slate.Lab.Cloud;

/// <summary>
/// What commissioning makes of a machine's NICs, as MAAS's code does it. Each NIC reports what it observed on its
/// hypervisor network: a DHCP lease where MAAS serves DHCP (a dynamic range on the plane's subnet), else nothing.
/// <list type="bullet">
/// <item>A NIC with a lease gets it as a DISCOVERED address and moves to that subnet's VLAN; a new NIC with no address
/// goes to the default VLAN when no interface uses it, else onto a brand-new fabric of its own
/// (metadataserver/builtin_scripts/network.py: update_physical_interface, guess_vlan_for_interface, update_links,
/// update_physical_links).</item>
/// <item>Then the initial networking: the boot NIC AUTO on the subnet it discovered (else AUTO on a subnet of its VLAN,
/// else DHCP), every other NIC on a VLAN LINK_UP, carrying the subnet it discovered on that VLAN (models/node.py
/// set_initial_networking_configuration, models/interface.py ensure_link_up, force_auto_or_dhcp_link).</item>
/// </list>
/// </summary>
internal sealed class LabCommissioning(LabCloud cloud)
{
    private LabNetworks Networks => cloud.Networks;

    public void DiscoverNetworks(LabMachine machine, IReadOnlyList<LabNic> observed)
    {
        foreach (var seen in observed)
        {
            if (machine.PhysicalWithMac(seen.Mac) is not { } nic) continue;
            nic.Discovered.Clear();
            if (ServedSubnet(seen.Network) is { } served && Networks.NextLease(served) is { } lease)
            {
                nic.Discovered.Add(new LabDiscoveredAddress(served, lease));
                nic.Vlan = served.Vlan;
            }
            else if (nic.Vlan is null) nic.Vlan = Networks.AnyInterfaceOn(Networks.DefaultVlan) ? Networks.AddFabric().Vlans[0] : Networks.DefaultVlan;
        }
        var bootSubnet = Networks.BootSubnet();
        if (machine.Interfaces.Find(i => i.Discovered.Exists(d => d.Subnet == bootSubnet)) is { } pxe) machine.BootInterfaceId = pxe.Id;
        SetInitialNetworking(machine);
    }

    private void SetInitialNetworking(LabMachine machine)
    {
        foreach (var nic in machine.Interfaces) nic.Links.Clear();
        var boot = machine.BootInterface;
        if (boot is null) return;
        var discovered = boot.Discovered.Select(d => d.Subnet).Distinct().ToList();
        foreach (var subnet in discovered) boot.Links.Add(cloud.Interfaces.NewLink(LinkMode.Auto, subnet, null));
        // force_auto_or_dhcp_link does nothing for a NIC on no VLAN.
        if (discovered.Count == 0 && boot.Vlan is not null)
        {
            var onVlan = Networks.SubnetsOn(boot.Vlan).FirstOrDefault();
            boot.Links.Add(cloud.Interfaces.NewLink(onVlan is null ? LinkMode.Dhcp : LinkMode.Auto, onVlan, null));
        }
        foreach (var nic in machine.Interfaces.Where(i => i != boot && i.Vlan is not null))
            nic.Links.Add(cloud.Interfaces.NewLink(LinkMode.LinkUp, nic.Discovered.Find(d => d.Subnet.Vlan == nic.Vlan)?.Subnet, null));
    }

    /// <summary>The subnet a hypervisor network carries: the plane of that name, or the site's boot network's (it leases only where MAAS has a dynamic range).</summary>
    private LabSubnet? ServedSubnet(string network) =>
        cloud.Site.Planes.FirstOrDefault(p => p.Name == network) is { } plane ? Networks.FindSubnet(plane.Cidr.ToString())
            : network == cloud.Site.Libvirt.BootNetwork ? Networks.BootSubnet() : null;
}
