using Slate.Runbook.Carve;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Standup;

/// <summary>
/// The live MAAS topology against the site's planes, and each Ready host's tree against Pattern A: one gate line per
/// condition; a line that fails is a DRIFT naming the object, what the site expects and what MAAS has.
/// </summary>
public static class StandupCheck
{
    public static IReadOnlyList<GateLine> Judge(Site site, StandupObservation observation)
    {
        var topology = observation.Topology;
        var lines = new List<GateLine>();
        foreach (var plane in site.Planes)
        {
            var cidr = plane.Cidr.ToString();
            var space = topology.Spaces.FirstOrDefault(s => s.Name == plane.Name);
            lines.Add(Line("space", $"space {plane.Name}", $"holds {cidr} only", space is null ? "absent" : Cidrs(space.Cidrs)));
            var subnet = topology.SubnetWithCidr(cidr);
            lines.Add(Line("subnet", $"subnet {cidr}", $"in space {plane.Name}", subnet is null ? "absent" : $"in space {subnet.Space ?? "undefined"}"));
            if (subnet is null)
                continue;
            lines.Add(Line("vlan", $"subnet {cidr} on {subnet.Vlan.Fabric}", VlanName(plane.Vid), VlanName(subnet.Vlan.Vid)));
            if (Carrier(site, plane) is { } carrier && topology.SubnetWithCidr(carrier.Cidr.ToString()) is { } carried)
                lines.Add(Line("fabric", $"{plane.Name} VLAN (carried by {carrier.Name})", $"on {carried.Vlan.Fabric}", $"on {subnet.Vlan.Fabric}"));
        }
        foreach (var host in site.Hosts)
        {
            var machine = observation.Machines.FirstOrDefault(m => m.Hostname == host.Name);
            if (machine?.StatusName != CarveDiff.Ready)
                continue;
            lines.AddRange(CarveGate.Lines(CarveDiff.Compare(site, host, machine, topology, addresses: null), asTree: false));
        }
        return lines;
    }

    /// <summary>The untagged plane a tagged plane's VLAN interface sits on in Pattern A (metal-internal → metal-admin).</summary>
    public static Plane? Carrier(Site site, Plane plane)
    {
        if (plane.Vid == 0)
            return null;
        var template = site.Interfaces.FirstOrDefault(i => i.Plane == plane.Name);
        while (template?.Parent is { } parent)
        {
            template = site.Interfaces.FirstOrDefault(i => i.Name == parent);
            if (template?.Plane is { } name && site.Plane(name).Vid == 0)
                return site.Plane(name);
        }
        return null;
    }

    private static GateLine Line(string code, string subject, string expected, string observed) =>
        new(code, expected == observed, subject, expected, observed);

    private static string Cidrs(IReadOnlyList<string> cidrs) => cidrs.Count == 0 ? "no subnet" : $"holds {string.Join(", ", cidrs)}{(cidrs.Count == 1 ? " only" : "")}";

    private static string VlanName(int vid) => vid == 0 ? "untagged" : $"VLAN {vid}";
}
