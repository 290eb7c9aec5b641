using Slate.Runbook.Sites;

namespace Slate.Lab.Cloud;

/// <summary>
/// Builds the site's cloud as it stands before phase 00: the planes as a real MAAS holds them, and every machine
/// Deployed, the hosts as dynamic pod machines with Pattern A carved on their domains' NICs.
/// </summary>
internal static class LabCloudSeeder
{
    /// <summary>The region+rack controller's system id (fixed, so a seeded lab's machine ids do not move).</summary>
    private const string RackSystemId = "rack4a";

    public static void Seed(LabCloud cloud)
    {
        var site = cloud.Site;
        var planeVlans = SeedNetworks(cloud, site);
        foreach (var host in site.Hosts)
        {
            var machine = NewDeployed(cloud, host.Name);
            machine.Dynamic = true;
            CarvePatternA(cloud, site, planeVlans, machine, host);
            cloud.Pods.ObserveHardware(machine);
        }
        var boot = cloud.Networks.BootSubnet();
        foreach (var hostname in site.Orphans.Concat(site.Protected))
        {
            var machine = NewDeployed(cloud, hostname);
            var nic = cloud.Interfaces.New("enp1s0", InterfaceType.Physical, MacAddresses.For(cloud, hostname, "enp1s0"));
            nic.Vlan = boot?.Vlan ?? cloud.Networks.Fabrics[0].Vlans[0];
            if (boot is not null) nic.Links.Add(cloud.Interfaces.NewLink(LinkMode.Auto, boot, cloud.Networks.NextFreeAddress(boot)));
            machine.Interfaces.Add(nic);
        }
        cloud.Record("maas", $"seeded {site.Hosts.Count + site.Orphans.Count + site.Protected.Count} machines from {site.SourcePath}");
    }

    /// <summary>
    /// One fabric per untagged plane (its untagged VLAN carries the plane's hypervisor network); a tagged plane is a
    /// VLAN on the fabric of the untagged plane its interfaces are carved on (metal-internal: VLAN 103 on the metal
    /// fabric). Each plane is a space on its VLAN holding the plane's subnet.
    /// </summary>
    private static Dictionary<string, LabVlan> SeedNetworks(LabCloud cloud, Site site)
    {
        var networks = cloud.Networks;
        var vlans = new Dictionary<string, LabVlan>(StringComparer.Ordinal);
        foreach (var plane in site.Planes.Where(p => p.Vid == 0))
        {
            vlans[plane.Name] = networks.AddFabric().Vlans[0];
        }
        if (networks.Fabrics.Count == 0) networks.AddFabric();
        foreach (var plane in site.Planes.Where(p => p.Vid != 0))
        {
            var fabric = CarrierOf(site, plane, vlans)?.Fabric ?? networks.Fabrics[0];
            vlans[plane.Name] = fabric.Vlans.Find(v => v.Vid == plane.Vid) ?? networks.AddVlan(fabric, plane.Vid);
        }
        foreach (var plane in site.Planes)
        {
            vlans[plane.Name].Space = networks.AddSpace(plane.Name);
            networks.AddSubnet(plane.Cidr, vlans[plane.Name]);
        }
        SeedRanges(cloud, site);
        return vlans;
    }

    /// <summary>
    /// Each plane's ranges as the site gives them; the boot plane always serves DHCP (MAAS PXE-boots there), from the
    /// last quarter of the subnet when the site names no range. The rack controller holds its own address on it.
    /// </summary>
    private static void SeedRanges(LabCloud cloud, Site site)
    {
        var networks = cloud.Networks;
        var boot = networks.BootSubnet();
        foreach (var plane in site.Planes)
        {
            var subnet = networks.Subnets.First(s => s.Cidr.Equals(plane.Cidr));
            var dynamic = plane.Dhcp ?? (subnet == boot ? LastQuarter(subnet) : null);
            if (dynamic is not null) networks.AddRange(subnet, LabIpRange.Dynamic, dynamic, "MAAS DHCP");
            foreach (var reserved in plane.ReservedRanges) networks.AddRange(subnet, LabIpRange.Reserved, reserved, "");
        }
        if (boot is not null && networks.RackAddress() is { } rack)
        {
            networks.AddStanding(new LabAddressRow(rack, boot, AddressKind.Sticky,
                new LabAddressHolder(RackSystemId, cloud.MaasName, NodeKind.RegionAndRackController, "eth0")));
        }
    }

    private static AddressRange LastQuarter(LabSubnet subnet) =>
        new(subnet.Offset((subnet.HostCount + 2) / 4 * 3), subnet.Offset(subnet.HostCount));

    /// <summary>The untagged VLAN under a tagged plane's interface: the nearest ancestor carrying an untagged plane.</summary>
    private static LabVlan? CarrierOf(Site site, Plane plane, Dictionary<string, LabVlan> untagged)
    {
        var template = site.Interfaces.FirstOrDefault(i => i.Plane == plane.Name);
        while (template?.Parent is { } parentName)
        {
            template = site.Interfaces.FirstOrDefault(i => i.Name == parentName);
            if (template?.Plane is { } carrier && untagged.TryGetValue(carrier, out var vlan)) return vlan;
        }
        return null;
    }

    private static LabMachine NewDeployed(LabCloud cloud, string hostname)
    {
        var machine = cloud.Machines.Add(hostname, NodeStatus.Deployed);
        machine.Owner = cloud.AdminUser;
        machine.PowerState = "on";
        machine.OSystem = "ubuntu";
        machine.DistroSeries = "jammy";
        machine.Commissioned = true;
        machine.StatusMessage = "Deployed";
        machine.PowerParameters["power_address"] = cloud.Pods.Pod.PowerAddress;
        machine.PowerParameters["power_id"] = hostname;
        machine.PowerParameters["power_pass"] = cloud.Pods.Pod.PowerPassword;
        cloud.Pods.Adopt(machine);
        return machine;
    }

    private static void CarvePatternA(LabCloud cloud, Site site, Dictionary<string, LabVlan> planeVlans, LabMachine machine, Host host)
    {
        var byName = new Dictionary<string, LabInterface>(StringComparer.Ordinal);
        var nics = cloud.Hypervisor.NicsOf(host.Name);
        foreach (var template in site.Interfaces)
        {
            var parent = template.Parent is null ? null : byName[template.Parent];
            var type = template.Kind switch
            {
                InterfaceKind.Bridge => InterfaceType.Bridge,
                InterfaceKind.Vlan => InterfaceType.Vlan,
                _ => InterfaceType.Physical,
            };
            var mac = parent?.MacAddress ?? nics.First(n => n.KernelName == template.Name).Mac;
            var nic = cloud.Interfaces.New(template.Name, type, mac);
            if (parent is not null) nic.Parents.Add(parent);
            if (type == InterfaceType.Bridge) nic.BridgeType = template.BridgeType == BridgeType.Ovs ? "ovs" : "standard";
            nic.Vlan = VlanOf(cloud, site, planeVlans, template, parent);
            if (template.Plane is not null)
            {
                var plane = site.Plane(template.Plane);
                var subnet = cloud.Networks.Subnets.First(s => s.Cidr.Equals(plane.Cidr));
                nic.Links.Add(cloud.Interfaces.NewLink(LinkMode.Static, subnet, plane.AddressFor(host.Number)));
            }
            byName[template.Name] = nic;
            machine.Interfaces.Add(nic);
        }
    }

    /// <summary>An interface's VLAN: its plane's; a VLAN interface's tag on its parent's fabric; else the VLAN of the bridge carved on it.</summary>
    private static LabVlan VlanOf(LabCloud cloud, Site site, Dictionary<string, LabVlan> planeVlans, InterfaceTemplate template, LabInterface? parent)
    {
        if (template.Plane is not null) return planeVlans[template.Plane];
        if (template.Kind == InterfaceKind.Vlan)
        {
            var fabric = parent?.Vlan?.Fabric ?? cloud.Networks.Fabrics[0];
            return fabric.Vlans.Find(v => v.Vid == template.Vid) ?? cloud.Networks.AddVlan(fabric, template.Vid);
        }
        var child = site.Interfaces.FirstOrDefault(t => t.Parent == template.Name && t.Kind != InterfaceKind.Vlan);
        return child is null ? cloud.Networks.Fabrics[0].Vlans[0] : VlanOf(cloud, site, planeVlans, child, null);
    }
}
