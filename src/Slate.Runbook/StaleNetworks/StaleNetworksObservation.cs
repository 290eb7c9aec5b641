using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.StaleNetworks;

/// <summary>
/// What Step 3 reads, fresh each time: the hypervisor's domains (null: the list could not be read), each stale network of
/// the site (null: not defined), the persistent devices of every domain, each host's persistent definition, and the
/// baseline the journal kept at apply time. Error says why the hypervisor could not be read.
/// </summary>
public sealed record StaleNetworksObservation(
    IReadOnlyList<HypervisorDomain>? Domains,
    IReadOnlyDictionary<string, HypervisorNetwork?> Networks,
    IReadOnlyList<DomainDevices> Devices,
    IReadOnlyDictionary<string, string> HostDefinitions,
    string? Error,
    JournalBaseline Baseline)
{
    public HypervisorDomain? Domain(string name) => Domains?.FirstOrDefault(d => d.Name == name);

    /// <summary>Every NIC on this stale network, in every domain's persistent definition.</summary>
    public IReadOnlyList<StaleNic> NicsOn(StaleNetwork network) =>
    [
        .. Devices.SelectMany(d => d.Interfaces
            .Where(nic => StaleNic.IsOn(nic, network, Networks.GetValueOrDefault(network.Name)?.Bridge))
            .Select(nic => new StaleNic(d.Domain, nic.Mac, network.Name))),
    ];

    /// <summary>A host's NICs that are on no stale network, as "mac network-or-bridge", sorted.</summary>
    public string OtherNics(Site site, string host)
    {
        var devices = Devices.FirstOrDefault(d => d.Domain == host);
        if (devices is null) return "";
        var stale = site.Libvirt.StaleNetworks.SelectMany(NicsOn).Select(n => n.Mac).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return string.Join(", ", devices.Interfaces.Where(i => !stale.Contains(i.Mac))
            .Select(i => $"{i.Mac.ToLowerInvariant()} {i.Network ?? i.Bridge ?? i.Type}").Order(StringComparer.Ordinal));
    }

    /// <summary>The print of the host's definition without its stale NICs; null when it was not read.</summary>
    public string? DefinitionPrintOf(Site site, string host) => HostDefinitions.TryGetValue(host, out var xml)
        ? DefinitionPrint.Of(host, xml, site.Libvirt.StaleNetworks.SelectMany(NicsOn).Select(n => n.Mac.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal))
        : null;
}
