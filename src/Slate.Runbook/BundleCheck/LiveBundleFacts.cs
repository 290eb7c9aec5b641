using System.Net;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.BundleCheck;

/// <summary>
/// What `bundle check --live` takes from MAAS instead of the site file: the spaces and each host's provider NIC MAC;
/// and what only MAAS knows: the ranges and address rows the VIPs are checked against (Network, null offline).
/// </summary>
public sealed record LiveBundleFacts(IReadOnlyDictionary<string, string> HostProviderMacs, IReadOnlySet<string> Spaces, LiveNetwork? Network = null)
{
    public static LiveBundleFacts FromSite(Site site) => new(
        site.Hosts.Where(h => h.ProviderMac is not null).ToDictionary(h => h.Name, h => h.ProviderMac!), site.Planes.Select(p => p.Name).ToHashSet());

    /// <summary>
    /// Reads MAAS (the caller has checked that it is the site's cloud): the topology once, the hosts in one filtered
    /// read, and the address rows of only the subnets that hold one of <paramref name="vips"/>.
    /// </summary>
    public static async Task<LiveBundleFacts> FromMaasAsync(Site site, IMaas maas, IEnumerable<IPAddress> vips, CancellationToken ct)
    {
        var topology = await maas.ReadTopologyAsync(ct).ConfigureAwait(false);
        var machines = await maas.FindMachinesAsync(site.Hosts.Select(h => h.Name).ToList(), ct).ConfigureAwait(false);
        var addresses = await maas.ListAddressesAsync(vips.Select(topology.SubnetHolding).OfType<MaasSubnet>(), ct).ConfigureAwait(false);
        var nic = site.PhysicalFor(site.Bundle.PublicPlane);
        var macs = machines
            .Select(m => (m.Hostname, Mac: m.Interfaces.FirstOrDefault(i => i.Name == nic)?.MacAddress))
            .Where(x => x.Mac is not null)
            .ToDictionary(x => x.Hostname, x => x.Mac!.ToLowerInvariant());
        return new LiveBundleFacts(macs, topology.Spaces.Select(s => s.Name).ToHashSet(), new LiveNetwork(topology, addresses));
    }
}
