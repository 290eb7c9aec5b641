using Slate.Runbook.Carve;
using Slate.Runbook.Core;

namespace Slate.Runbook.Standup;

/// <summary>Runbook Step 7a (read-only): the MAAS topology and the Ready hosts' interfaces against the site; any DRIFT is a hard stop.</summary>
public sealed class StandupStep(IStepServices services) : Step<StandupObservation>(services)
{
    public const string StepName = "standup";

    public static readonly StepDefinition Definition = new(
        StepName,
        ["standup"],
        "Runbook Step 7a (read-only): the live MAAS topology against the site's planes — spaces and the subnets in them, CIDRs, " +
        "VLAN ids, the fabric of each tagged plane — and each Ready host's interfaces against Pattern A. Every difference is one " +
        "DRIFT line naming the object, expected and observed (exit 3); none prints OK. A fabric with no subnet and none of the hosts' " +
        "interfaces (commissioning leaves one per NIC without a DHCP lease) is noted with the command that removes it, never drift.",
        Mutates: false,
        [],
        (services, _) => new StandupStep(services))
    {
        Number = "7a",
        After = [StepRequirement.Gate(CarveStep.StepName)],
    };

    public override string Name => StepName;

    protected override async Task<StandupObservation> ObserveAsync(CancellationToken ct)
    {
        var topology = await Services.Maas.ReadTopologyAsync(ct).ConfigureAwait(false);
        var machines = await Services.Maas.FindMachinesAsync(Site.Hosts.Select(h => h.Name).ToList(), ct).ConfigureAwait(false);
        return new StandupObservation(topology, machines);
    }

    protected override StepPlan Plan(StandupObservation observation)
    {
        var drift = StandupCheck.Judge(Site, observation).Where(l => !l.Holds).ToList();
        var skipped = Site.Hosts.Where(h => observation.Machines.FirstOrDefault(m => m.Hostname == h.Name)?.StatusName != Carve.CarveDiff.Ready)
            .Select(h => new Finding(Severity.Info, "host-not-checked", h.Name,
                $"not Ready ({observation.Machines.FirstOrDefault(m => m.Hostname == h.Name)?.StatusName ?? "not in MAAS"}): its interfaces are not checked"))
            .ToList();
        var planes = Site.Planes.Select(p => observation.Topology.SubnetWithCidr(p.Cidr.ToString()) is { } s
                ? ReportTable.Row(p.Name, p.Cidr.ToString(), s.Space ?? "undefined", s.Vlan.Vid.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Vlan.Fabric)
                : ReportTable.Row(p.Name, p.Cidr.ToString(), "—", "—", "—"))
            .ToList();
        return new StepPlan("Step 7a: MAAS standup check (read-only)", [new ReportTable("Planes as MAAS has them", ["plane", "cidr", "space", "vid", "fabric"], planes)],
            [.. skipped, .. EmptyFabrics.Notes(observation)], [], [], new Dictionary<string, string>())
        {
            Summary = drift.Count == 0 ? "OK" : string.Join(Environment.NewLine, drift.Select(l => $"DRIFT {l.Subject}: expected {l.Expected}, observed {l.Observed}")),
        };
    }

    protected override GateReport Gate(StandupObservation observation) => new(StandupCheck.Judge(Site, observation));
}
