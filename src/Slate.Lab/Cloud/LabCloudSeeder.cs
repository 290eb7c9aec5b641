using System.Net;
using Slate.Runbook.Sites;

namespace Slate.Lab.Cloud;

/// <summary>Builds the site's cloud as it stands before phase 00: every machine Deployed, Pattern A carved.</summary>
internal static class LabCloudSeeder
{
    public static void Seed(LabCloud cloud)
    {
        var site = cloud.Site;
        SeedNetworks(cloud, site);
        foreach (var host in site.Hosts)
        {
            var machine = NewDeployed(cloud, host.Name);
            machine.Dynamic = true;
            CarvePatternA(cloud, site, machine, host);
        }
        foreach (var hostname in site.Orphans.Concat(site.Protected))
        {
            var machine = NewDeployed(cloud, hostname);
            var nic = cloud.NewInterface("enp1s0", InterfaceType.Physical, MacAddresses.For(cloud, hostname, "enp1s0"));
            var subnet = cloud.BootSubnet(cloud.Vlans[0]);
            nic.Vlan = subnet?.Vlan ?? cloud.Vlans[0];
            if (subnet is not null) nic.Links.Add(cloud.NewLink(LinkMode.Auto, subnet, cloud.NextFreeAddress(subnet)));
            machine.Interfaces.Add(nic);
        }
        cloud.Record("maas", $"seeded {site.Hosts.Count + site.Orphans.Count + site.Protected.Count} machines from {site.SourcePath}");
    }

    private static void SeedNetworks(LabCloud cloud, Site site)
    {
        var vlanId = 5001;
        foreach (var vid in site.Planes.Select(p => p.Vid).Prepend(0).Distinct().Order())
        {
            cloud.Fabric.Vlans.Add(new LabVlan(vlanId++, vid, cloud.Fabric));
        }
        var id = 1;
        foreach (var plane in site.Planes)
        {
            var space = new LabSpace(id, plane.Name);
            cloud.SpaceList.Add(space);
            cloud.SubnetList.Add(new LabSubnet(id, plane.Cidr, cloud.Vlans.First(v => v.Vid == plane.Vid), space));
            id++;
        }
        foreach (var vlan in cloud.Vlans)
        {
            var spaces = cloud.SubnetList.Where(s => s.Vlan == vlan).Select(s => s.Space).Distinct().ToList();
            vlan.Space = spaces.Count == 1 ? spaces[0] : null;
        }
    }

    private static LabMachine NewDeployed(LabCloud cloud, string hostname)
    {
        var machine = new LabMachine(cloud.NewSystemId(), hostname)
        {
            Status = NodeStatus.Deployed,
            Owner = cloud.AdminUser,
            PowerState = "on",
            OSystem = "ubuntu",
            DistroSeries = "jammy",
            Commissioned = true,
            Pod = cloud.Pod,
        };
        machine.PowerParameters["power_address"] = cloud.Pod.PowerAddress;
        machine.PowerParameters["power_id"] = hostname;
        machine.PowerParameters["power_pass"] = cloud.Pod.PowerPassword;
        cloud.Add(machine);
        return machine;
    }

    private static void CarvePatternA(LabCloud cloud, Site site, LabMachine machine, Host host)
    {
        var byName = new Dictionary<string, LabInterface>(StringComparer.Ordinal);
        foreach (var template in site.Interfaces)
        {
            var parent = template.Parent is null ? null : byName[template.Parent];
            var type = template.Kind switch
            {
                InterfaceKind.Bridge => InterfaceType.Bridge,
                InterfaceKind.Vlan => InterfaceType.Vlan,
                _ => InterfaceType.Physical,
            };
            var mac = parent?.MacAddress ?? cloud.Hypervisor.NicsOf(host.Name).First(n => n.GuestName == template.Name).Mac;
            var nic = cloud.NewInterface(template.Name, type, mac);
            if (parent is not null) nic.Parents.Add(parent);
            if (type == InterfaceType.Bridge) nic.BridgeType = template.BridgeType == BridgeType.Ovs ? "ovs" : "standard";
            nic.Vlan = cloud.Vlans.First(v => v.Vid == VidOf(site, template));
            if (template.Plane is not null)
            {
                var plane = site.Plane(template.Plane);
                var subnet = cloud.SubnetList.First(s => s.Cidr.Equals(plane.Cidr));
                nic.Links.Add(cloud.NewLink(LinkMode.Static, subnet, plane.AddressFor(host.Number)));
            }
            byName[template.Name] = nic;
            machine.Interfaces.Add(nic);
        }
    }

    /// <summary>An interface's VLAN: its plane's, its own tag, else the VLAN of the child carved on it.</summary>
    private static int VidOf(Site site, InterfaceTemplate template)
    {
        if (template.Plane is not null) return site.Plane(template.Plane).Vid;
        if (template.Kind == InterfaceKind.Vlan) return template.Vid;
        var child = site.Interfaces.FirstOrDefault(t => t.Parent == template.Name);
        return child is null ? 0 : child.Kind == InterfaceKind.Vlan ? 0 : VidOf(site, child);
    }
}
