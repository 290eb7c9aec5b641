using System.Globalization;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;

namespace Slate.Runbook.Standup;

/// <summary>
/// Fabrics with no subnet on any of their VLANs (so no plane is on them) and no interface of the site's hosts. Commissioning
/// puts each NIC that got no DHCP lease on a new fabric (metadataserver/builtin_scripts/network.py) and MAAS deletes one
/// only when a VLAN move leaves it empty, so others may remain. A note, never drift: MAAS's fabric listing does not say
/// whether another node's interface is on one, and MAAS refuses the delete while one is (models/fabric.py delete), as it
/// always does for the default fabric, id 0.
/// </summary>
internal static class EmptyFabrics
{
    public const string Code = "empty-fabric";

    public static IEnumerable<Finding> Notes(StandupObservation observation)
    {
        var topology = observation.Topology;
        var hostFabrics = observation.Machines.SelectMany(m => m.Interfaces).Select(i => i.Vlan?.FabricId).OfType<int>().ToHashSet();
        return topology.Fabrics
            .Where(f => f.Id != 0 && !hostFabrics.Contains(f.Id) && !topology.Subnets.Any(s => s.Vlan.FabricId == f.Id))
            .Select(f => new Finding(Severity.Info, Code, f.Name,
                "has no subnet on any of its VLANs and no interface of the site's hosts (commissioning makes such a fabric for each NIC " +
                "that got no DHCP lease); if no other node's interface is on it (the fabric listing does not show them, and MAAS refuses " +
                $"the delete while one is), remove it: maas $PROFILE fabric delete {f.Id.ToString(CultureInfo.InvariantCulture)}"));
    }
}
