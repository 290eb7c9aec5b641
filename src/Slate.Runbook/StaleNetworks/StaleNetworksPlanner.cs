using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using static Slate.Runbook.StaleNetworks.StaleNetworksAction;

namespace Slate.Runbook.StaleNetworks;

/// <summary>Runbook Step 3's plan: each stale network, every NIC on it, and the backups, detaches and removals in the runbook's order.</summary>
internal static class StaleNetworksPlanner
{
    public static StepPlan Plan(Site site, StaleNetworksObservation o)
    {
        if (o.Error is { } error)
        {
            var unread = o.Domains is null ? HypervisorFindings.Unreachable(error) : HypervisorFindings.Unreadable("the networks and definitions", error);
            return new StepPlan(Heading, [], [unread], [], [], new Dictionary<string, string>());
        }
        var findings = new List<Finding>();
        var hosts = site.Hosts.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
        var nics = site.Libvirt.StaleNetworks.SelectMany(o.NicsOn).ToList();
        foreach (var nic in nics.Where(n => !hosts.Contains(n.Domain)))
            findings.Add(new Finding(Severity.Fatal, "foreign-nic", nic.Domain,
                $"domain {nic.Domain} is not one of the site's hosts but has NIC {nic.Mac} on {nic.Network}: someone else uses it", "no NIC on it", nic.Mac));
        foreach (var stale in site.Libvirt.StaleNetworks)
        {
            if (o.Networks[stale.Name] is { Bridge: { } bridge } network && bridge != stale.Bridge)
                findings.Add(new Finding(Severity.Fatal, "bridge-differs", stale.Name,
                    $"network {network.Name} is on bridge {bridge}, the site says {stale.Bridge}: is this the network the runbook means?", stale.Bridge, bridge));
        }
        var actions = Actions(site, o, nics);
        return new StepPlan(Heading, [NetworksTable(site, o), NicsTable(o, nics, hosts)], findings, actions, Notes, Baseline(site, o));
    }

    private const string Heading = "Step 3 — remove the idle stale libvirt networks (persistent definitions only; reversible from the backups)";

    private static readonly IReadOnlyList<string> Notes =
    [
        "Each network's and each touched domain's XML is backed up into the run folder first: `virsh net-define FILE` and `virsh define FILE` restore them.",
        "NICs are detached from the persistent definition only (--config): nothing changes in a running guest.",
    ];

    private static List<PlannedAction> Actions(Site site, StaleNetworksObservation o, IReadOnlyList<StaleNic> nics)
    {
        var networks = site.Libvirt.StaleNetworks.Select(s => o.Networks[s.Name]).OfType<HypervisorNetwork>().ToList();
        var actions = new List<PlannedAction>();
        actions.AddRange(networks.Select(n => new BackupNetwork(n.Name).Planned($"save the definition of network {n.Name} into the run folder")));
        actions.AddRange(nics.Select(n => n.Domain).Distinct(StringComparer.Ordinal)
            .Select(d => new BackupDomain(d).Planned($"save the persistent definition of domain {d} into the run folder")));
        actions.AddRange(nics.Select(n => new DetachNic(n.Domain, n.Mac, n.Network)
            .Planned($"virsh detach-interface {n.Domain} network --mac {n.Mac} --config (on {n.Network})")));
        foreach (var network in networks)
        {
            if (network.Active)
                actions.Add(new DestroyNetwork(network.Name).Planned($"check no domain references {network.Name}, then virsh net-destroy {network.Name}"));
            actions.Add(new UndefineNetwork(network.Name).Planned($"check no domain references {network.Name}, then virsh net-undefine {network.Name}"));
        }
        return actions;
    }

    private static Dictionary<string, string> Baseline(Site site, StaleNetworksObservation o)
    {
        var baseline = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var host in site.Hosts.Where(h => o.HostDefinitions.ContainsKey(h.Name)))
        {
            baseline[StaleNetworksBaseline.NicsKey(host.Name)] = o.OtherNics(site, host.Name);
            baseline[StaleNetworksBaseline.DefinitionKey(host.Name)] = o.DefinitionPrintOf(site, host.Name)!;
        }
        return baseline;
    }

    private static ReportTable NetworksTable(Site site, StaleNetworksObservation o) => new("stale networks (libvirt.stale_networks)",
        ["network", "site bridge", "defined", "active", "bridge", "NICs on it"],
        [
            .. site.Libvirt.StaleNetworks.Select(s => o.Networks[s.Name] is { } n
                ? ReportTable.Row(s.Name, s.Bridge, "yes", n.Active ? "yes" : "no", n.Bridge ?? "-", $"{o.NicsOn(s).Count}")
                : ReportTable.Row(s.Name, s.Bridge, "no", "-", "-", $"{o.NicsOn(s).Count}")),
        ]);

    private static ReportTable NicsTable(StaleNetworksObservation o, IReadOnlyList<StaleNic> nics, IReadOnlySet<string> hosts) => new(
        "NICs on them (persistent definitions of every domain)", ["domain", "role", "MAC", "network", "domain state", "plan"],
        [
            .. nics.Select(n => ReportTable.Row(n.Domain, hosts.Contains(n.Domain) ? "host" : "NOT A HOST", n.Mac, n.Network,
                o.Domain(n.Domain) is { } d ? DomainStates.Describe(d.State) : "-", hosts.Contains(n.Domain) ? "detach (--config)" : "REFUSED")),
        ]);
}
