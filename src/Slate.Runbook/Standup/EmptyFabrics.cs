using System.Globalization;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;

namespace Slate.Runbook.Standup;

/// <summary>
/// Fabrics with no subnet on any of their VLANs, so no plane is on them. Commissioning puts each NIC that got no DHCP
/// lease on a new fabric (metadataserver/builtin_scripts/network.py) and MAAS deletes one only when a VLAN move leaves it
/// empty, so others may remain. A note, never drift: MAAS's fabric listing does not say whether an interface is still on
/// one, and MAAS refuses the delete while one is (models/fabric.py delete), as it always does for the default fabric, id 0.
/// </summary>
internal static class EmptyFabrics
{
    public const string Code = "empty-fabric";

    public static IEnumerable<Finding> Notes(MaasTopology topology) =>
        topology.Fabrics
            .Where(f => f.Id != 0 && !topology.Subnets.Any(s => s.Vlan.FabricId == f.Id))
            .Select(f => new Finding(Severity.Info, Code, f.Name,
                "has no subnet on any of its VLANs, so no plane uses it (commissioning makes one for each NIC that got no DHCP lease); " +
                "if no interface is left on it (the fabric listing does not show that, and MAAS refuses the delete while one is), " +
                $"remove it: maas $PROFILE fabric delete {f.Id.ToString(CultureInfo.InvariantCulture)}"));
}
