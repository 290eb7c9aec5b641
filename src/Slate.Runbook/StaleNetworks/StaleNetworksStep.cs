using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Teardown;

namespace Slate.Runbook.StaleNetworks;

/// <summary>
/// Runbook Step 3: remove the idle stale libvirt networks (8_lbaas) after the teardown. Each NIC on them is detached
/// from its host's persistent definition, then the network is stopped and undefined, every definition backed up first.
/// </summary>
public sealed class StaleNetworksStep(IStepServices services) : ActingStep<StaleNetworksObservation, StaleNetworksAction>(services)
{
    public const string StepName = "networks";

    public static readonly StepDefinition Definition = new(
        StepName,
        ["networks", "prune"],
        "Runbook Step 3 (changes libvirt with --apply; reversible): remove the site's stale libvirt networks (libvirt.stale_networks, " +
        "8_lbaas). Dry run by default: each network (defined, active, bridge) and every domain whose persistent definition has a NIC on it. " +
        "Refused (exit 4, nothing changed) unless the teardown's gate holds for the hosts (out of MAAS, every host domain shut off); " +
        "a NIC on it in a domain that is not a site host is fatal. --apply backs up each network's and each touched domain's XML into the " +
        "run folder, detaches each NIC by MAC from the persistent definition only (virsh detach-interface --config), checks no domain " +
        "references the network, then net-destroy and net-undefine. To restore from the backups the run prints: " +
        "`virsh net-define FILE` (then `virsh net-start NAME`) for a network, `virsh define FILE` for a domain. Gate: `slate gate networks`.",
        Mutates: true,
        [],
        (services, _) => new StaleNetworksStep(services))
    {
        Number = "3",
        After = [TeardownStep.HostsAtRest],
    };

    public override string Name => StepName;

    public override bool Reconciles => true;

    protected override async Task<StaleNetworksObservation> ObserveAsync(CancellationToken ct)
    {
        var baseline = Services.Journal.LastBaseline(Site.Cloud.Name, StepName);
        var networks = new Dictionary<string, HypervisorNetwork?>(StringComparer.Ordinal);
        var devices = new List<DomainDevices>();
        var definitions = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<HypervisorDomain>? domains = null;
        try
        {
            domains = await Services.Hypervisor.ListDomainsAsync(ct).ConfigureAwait(false);
            foreach (var stale in Site.Libvirt.StaleNetworks)
                networks[stale.Name] = await Services.Hypervisor.FindNetworkAsync(stale.Name, ct).ConfigureAwait(false);
            devices.AddRange(await Services.Hypervisor.DevicesOfAsync(domains, ct).ConfigureAwait(false));
            foreach (var domain in domains.Where(d => Site.Hosts.Any(h => h.Name == d.Name)))
                definitions[domain.Name] = await Services.Hypervisor.GetDomainXmlAsync(domain.Name, ct).ConfigureAwait(false);
        }
        catch (HypervisorException e)
        {
            return new StaleNetworksObservation(domains, networks, devices, definitions, e.Message, baseline);
        }
        return new StaleNetworksObservation(domains, networks, devices, definitions, null, baseline);
    }

    protected override StepPlan Plan(StaleNetworksObservation observation) => StaleNetworksPlanner.Plan(Site, observation);

    protected override GateReport Gate(StaleNetworksObservation observation) => StaleNetworksGate.Judge(Site, observation);

    protected override Task<ActionResult> ApplyAsync(StaleNetworksAction action, ActionContext context, CancellationToken ct) =>
        new StaleNetworksApplier(Services, context).ApplyAsync(action, ct);
}
