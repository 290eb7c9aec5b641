using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Reenroll;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Carve;

/// <summary>
/// Runbook Step 6: a host's interface tree carved to Pattern A (the site's <c>interfaces:</c> template, addresses at
/// plane.N). The plan is the diff of the two trees; apply makes one MAAS write per change, one host per call.
/// </summary>
public sealed class CarveStep(IStepServices services, IReadOnlyList<Host> hosts) : ActingStep<CarveObservation, CarveAction>(services)
{
    public const string StepName = "carve";

    public static readonly ArgumentParameter Host = new("host", "The host to carve (one of the site's hosts); the gate checks every host without it", MayBeOmitted: true);

    public static readonly FlagParameter All = new("all", "Plan every host of the site (plan only: apply one host at a time)");

    public static readonly StepDefinition Definition = new(
        StepName,
        ["carve"],
        "Runbook Step 6: carve HOST's MAAS interfaces to Pattern A (the site's interfaces: template, STATIC plane.N). Dry run by " +
        "default: the diff of the host's tree and Pattern A as the MAAS writes that close it (parents first, NICs moved to their " +
        "planes' VLANs, strays deleted with their children, links as a set difference), fatal findings (not Ready, NIC missing, subnet absent or on another VLAN, address inside a " +
        "dynamic range or held by any other address row), the resulting tree and 'Summary: N fatal, M changes'. --apply (type the host name, or --confirm HOST) makes " +
        "the changes for ONE host, then re-reads its tree. --all plans every host (plan only). Gate: `slate gate carve [HOST]`.",
        Mutates: true,
        [Host, All],
        (services, arguments) => new CarveStep(services, HostsFor(services.Site, arguments)))
    {
        Number = "6",
        After = [ReenrollStep.HostsReady],
    };

    private readonly CarveApplier _applier = new(services.Maas, services.Time);

    public override string Name => StepName;

    public override bool Reconciles => true;

    protected override async Task<CarveObservation> ObserveAsync(CancellationToken ct)
    {
        var topology = await Services.Maas.ReadTopologyAsync(ct).ConfigureAwait(false);
        var addresses = await Services.Maas.ListAddressesAsync(
            Site.Planes.Select(p => topology.SubnetWithCidr(p.Cidr.ToString())).OfType<MaasSubnet>(), ct).ConfigureAwait(false);
        var machines = await Services.Maas.FindMachinesAsync(hosts.Select(h => h.Name).ToList(), ct).ConfigureAwait(false);
        _applier.Remember(machines);
        return new CarveObservation(topology, addresses, machines);
    }

    protected override StepPlan Plan(CarveObservation observation) => CarvePlanner.Plan(Site, hosts, Diffs(observation));

    protected override GateReport Gate(CarveObservation observation) => CarveGate.Judge(Diffs(observation));

    public override Confirmation? ConfirmationFor(StepPlan plan)
    {
        var host = hosts[0].Name;
        var targets = plan.Actions.Select(a => $"{a.Kind} {a.Subject}").ToList();
        return new Confirmation($"This changes {targets.Count} MAAS interface definition(s) of {host}. Type the host name to continue", host, targets);
    }

    protected override Task<ActionResult> ApplyAsync(CarveAction action, ActionContext context, CancellationToken ct) => _applier.ApplyAsync(action, ct);

    private List<HostDiff> Diffs(CarveObservation observation) => hosts
        .Select(h => CarveDiff.Compare(Site, h, observation.Machines.FirstOrDefault(m => m.Hostname == h.Name), observation.Topology, observation.Addresses))
        .ToList();

    private static IReadOnlyList<Host> HostsFor(Site site, StepArguments arguments)
    {
        var name = arguments.Get(Host);
        var all = arguments.Get(All);
        if (name is not null && all)
            throw new StepArgumentException("give either a host or --all, not both");
        if (name is not null)
        {
            return site.Hosts.FirstOrDefault(h => h.Name == name) is { } host
                ? [host]
                : throw new StepArgumentException($"{name}: not a host of the site (hosts: {string.Join(", ", site.Hosts.Select(h => h.Name))})");
        }
        return arguments.Mode switch
        {
            RunMode.Apply => throw new StepArgumentException("--apply carves one host per call: slate carve HOST --apply"),
            RunMode.Plan when !all => throw new StepArgumentException("name the host to carve (slate carve HOST), or --all to plan every host"),
            _ => site.Hosts,
        };
    }
}
