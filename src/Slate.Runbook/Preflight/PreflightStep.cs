using System.Globalization;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Preflight;

/// <summary>
/// Runbook Step 1 (read-only): identity first, then the six planes (hard blockers), the machine, model and OSD disk
/// baselines, and MAAS devices no container accounts for.
/// </summary>
public sealed class PreflightStep(IStepServices services) : Step<PreflightReport>(services)
{
    public static readonly StepDefinition Definition = new(
        "preflight",
        ["preflight"],
        "Runbook Step 1 (read-only): the cloud's identity, the six planes (hard blockers) and the baseline of machines, model and OSD disks. " +
        "Exit 0 when nothing blocks, 3 on a fatal finding (a plane missing or different, the model unreadable, a domain missing), 4 on the wrong cloud.",
        Mutates: false,
        [],
        (services, _) => new PreflightStep(services))
    {
        Number = "1",
    };

    public override string Name => "preflight";

    protected override async Task<PreflightReport> ObserveAsync(CancellationToken ct)
    {
        var spaces = await Services.Maas.ListSpacesAsync(ct).ConfigureAwait(false);
        var names = Site.Hosts.Select(h => h.Name).Concat(Site.Orphans).Concat(Site.Protected).ToList();
        var machines = await Services.Maas.FindMachinesAsync(names, ct).ConfigureAwait(false);

        var findings = new List<Finding>();
        var planes = Site.Planes.Select(p => CheckPlane(p, spaces, findings)).ToList();
        var baseline = names.Select(n => Baseline(n, machines)).ToList();
        foreach (var row in baseline.Where(r => r.Role == MachineRole.Protected && r.SystemId is null))
            findings.Add(new Finding(Severity.Warning, "protected-absent", row.Hostname,
                "protected machine is not in MAAS; check the site file's protected list"));
        var model = await JujuBaselineReader.ReadAsync(Site, Services.Juju, machines, findings, ct).ConfigureAwait(false);
        StrayDevices.Find(Site, await Services.Maas.ListDevicesAsync(ct).ConfigureAwait(false), model, machines, findings);
        var disks = await OsdBaselineAsync(findings, ct).ConfigureAwait(false);
        return new PreflightReport(planes, baseline, disks, model, findings);
    }

    protected override StepPlan Plan(PreflightReport report) =>
        new("Pre-flight (read-only)", PreflightTables.Of(Site, report), report.Findings, [], [], new Dictionary<string, string>());

    /// <summary>Pre-flight proves nothing of its own: its fatal findings are its verdict.</summary>
    protected override GateReport Gate(PreflightReport report) => GateReport.None;

    private async Task<IReadOnlyList<OsdDiskBaseline>> OsdBaselineAsync(List<Finding> findings, CancellationToken ct)
    {
        IReadOnlyList<HypervisorDomain> domains;
        try
        {
            domains = await Services.Hypervisor.ListDomainsAsync(ct).ConfigureAwait(false);
        }
        catch (HypervisorException e)
        {
            findings.Add(new Finding(Severity.Fatal, "hypervisor-unreachable", "hypervisor", e.Message));
            return [];
        }
        var rows = new List<OsdDiskBaseline>();
        foreach (var host in Site.Hosts)
        {
            var path = Site.Osd.FileFor(host, Site.Libvirt.ImagesDir);
            var state = domains.FirstOrDefault(d => d.Name == host.Name)?.State;
            var volume = await Services.Hypervisor.FindVolumeAsync(path, ct).ConfigureAwait(false);
            if (state is null)
                findings.Add(new Finding(Severity.Fatal, "domain-missing", host.Name, "the hypervisor has no domain of this name; re-enrolment needs it"));
            rows.Add(new OsdDiskBaseline(host.Name, state is { } s ? DomainStates.Describe(s) : "absent", path,
                volume is null ? null : $"{volume.Owner.User ?? volume.Owner.Uid.ToString(CultureInfo.InvariantCulture)}:{volume.Owner.Group ?? volume.Owner.Gid.ToString(CultureInfo.InvariantCulture)}",
                volume is null ? null : Convert.ToString(volume.Mode, 8), volume?.AllocationBytes));
        }
        return rows;
    }

    private static PlaneCheck CheckPlane(Plane plane, IReadOnlyList<MaasSpace> spaces, List<Finding> findings)
    {
        var expected = plane.Cidr.ToString();
        var space = spaces.FirstOrDefault(s => s.Name == plane.Name);
        if (space is null)
        {
            findings.Add(new Finding(Severity.Fatal, "space-missing", plane.Name, $"MAAS has no space {plane.Name} (expected {expected})", expected, "absent"));
            return new PlaneCheck(plane.Name, expected, [], PlaneState.Missing);
        }
        if (!space.Cidrs.Contains(expected))
        {
            var actual = space.Cidrs.Count == 0 ? "no subnet" : string.Join(", ", space.Cidrs);
            findings.Add(new Finding(Severity.Fatal, "space-cidr", plane.Name, $"space {plane.Name} holds {actual}, expected {expected}", expected, actual));
            return new PlaneCheck(plane.Name, expected, space.Cidrs, PlaneState.WrongCidr);
        }
        if (space.Cidrs.Count > 1)
            findings.Add(new Finding(Severity.Warning, "space-extra-subnet", plane.Name,
                $"space {plane.Name} also holds {string.Join(", ", space.Cidrs.Where(c => c != expected))}"));
        return new PlaneCheck(plane.Name, expected, space.Cidrs, PlaneState.Ok);
    }

    private MachineBaseline Baseline(string hostname, IReadOnlyList<MaasMachine> machines)
    {
        var role = Site.Hosts.Any(h => h.Name == hostname) ? MachineRole.Host
            : Site.Orphans.Contains(hostname) ? MachineRole.Orphan
            : MachineRole.Protected;
        var machine = machines.FirstOrDefault(m => m.Hostname == hostname);
        return new MachineBaseline(hostname, role, machine?.SystemId, machine?.StatusName, machine?.PowerState);
    }
}
