using System.Net;
using Slate.Runbook.Ports;
using static Slate.Runbook.BundleCheck.BundleRuleResult;

namespace Slate.Runbook.BundleCheck.Rules;

/// <summary>
/// With --live, each VIP address against what MAAS holds (the ideas of <see cref="Carve.CarveAddresses"/>): inside a
/// dynamic range MAAS may lease it to any DHCP client, and an address row (a machine's link, a device such as the one
/// Juju registers per LXD container, a lease, an address seen on the wire, a controller's own) means another node has
/// it; both fail. Inside a reserved range is what reserved ranges are for: it passes, and says so.
/// </summary>
internal static class VipMaasRule
{
    public static IEnumerable<BundleRuleResult> Check(BundleRuleContext context)
    {
        if (context.Network is not { } network)
            yield break;
        foreach (var app in HaclusterVips.Applications(context.Bundle))
        {
            var free = new List<IPAddress>();
            foreach (var address in HaclusterVips.Addresses(app))
            {
                var results = Judge(app.Name, address, network).ToList();
                if (results.Count == 0)
                    free.Add(address);
                foreach (var result in results)
                    yield return result;
            }
            if (free.Count > 0)
                yield return Pass(BundleRuleIds.VipInMaas, app.Name,
                    $"vip {string.Join(", ", free)}: in no dynamic range of MAAS and held by no MAAS address");
        }
    }

    /// <summary>The lines for one address; none when MAAS has it free and in no range.</summary>
    private static IEnumerable<BundleRuleResult> Judge(string app, IPAddress address, LiveNetwork network)
    {
        if (network.Topology.SubnetHolding(address) is not { } subnet)
        {
            yield return Fail(BundleRuleIds.VipInMaas, app, $"vip {address} is in no subnet MAAS has, so MAAS cannot vouch that it is free");
            yield break;
        }
        var range = network.Topology.RangeHolding(subnet.Id, address);
        if (range is { Dynamic: true })
            yield return Fail(BundleRuleIds.VipInMaas, app,
                $"vip {address} is inside MAAS's {range.Describe()} on {subnet.Cidr}: MAAS may lease it to any DHCP client; move the VIP out of the range or shrink it");
        var holders = MaasAddress.Holding(network.Addresses, subnet.Id, address.ToString()).ToList();
        foreach (var row in holders)
            yield return Fail(BundleRuleIds.VipInMaas, app, $"vip {address} is held in MAAS by {row.Holder}: the VIP would clash with that node's address");
        if (range is { Dynamic: false } && holders.Count == 0)
            yield return Pass(BundleRuleIds.VipInMaas, app, $"vip {address} is inside MAAS's {range.Describe()} on {subnet.Cidr}, which keeps MAAS from handing it out");
    }
}
