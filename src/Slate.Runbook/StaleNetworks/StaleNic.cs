using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.StaleNetworks;

/// <summary>A NIC of a persistent domain definition that is on a stale network (by network name, or straight on its bridge).</summary>
public sealed record StaleNic(string Domain, string Mac, string Network)
{
    public static bool IsOn(DomainInterface nic, StaleNetwork network, string? observedBridge) =>
        nic.Network == network.Name
        || (nic.Type == "bridge" && nic.Bridge is { } bridge && (bridge == network.Bridge || bridge == observedBridge));
}
