using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.BundleCheck;

/// <summary>What `bundle check --live` takes from MAAS instead of the site file: the spaces and each host's provider NIC MAC.</summary>
public sealed record LiveBundleFacts(IReadOnlyDictionary<string, string> HostProviderMacs, IReadOnlySet<string> Spaces)
{
    public static LiveBundleFacts FromSite(Site site) => new(
        site.Hosts.Where(h => h.ProviderMac is not null).ToDictionary(h => h.Name, h => h.ProviderMac!), site.Planes.Select(p => p.Name).ToHashSet());

    /// <summary>Reads MAAS; the caller has checked that it is the site's cloud.</summary>
    public static async Task<LiveBundleFacts> FromMaasAsync(Site site, IMaas maas, CancellationToken ct)
    {
        var spaces = await maas.ListSpacesAsync(ct).ConfigureAwait(false);
        var machines = await maas.FindMachinesAsync(site.Hosts.Select(h => h.Name).ToList(), ct).ConfigureAwait(false);
        var nic = site.PhysicalFor(site.Bundle.PublicPlane);
        var macs = machines
            .Select(m => (m.Hostname, Mac: m.Interfaces.FirstOrDefault(i => i.Name == nic)?.MacAddress))
            .Where(x => x.Mac is not null)
            .ToDictionary(x => x.Hostname, x => x.Mac!.ToLowerInvariant());
        return new LiveBundleFacts(macs, spaces.Where(s => s.Id >= 0).Select(s => s.Name).ToHashSet());
    }
}
