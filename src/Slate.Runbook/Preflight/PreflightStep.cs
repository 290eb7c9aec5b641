using System.Globalization;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Preflight;

/// <summary>Runbook Step 1 (read-only): identity first, then the six planes (hard blockers), the machine, model and OSD disk baselines.</summary>
public sealed class PreflightStep(Site site, IMaas maas, IHypervisor hypervisor, IJuju juju)
{
    public async Task<PreflightReport> RunAsync(CancellationToken ct)
    {
        var maasName = await CloudIdentityCheck.VerifyAsync(site, maas, ct).ConfigureAwait(false);
        var spaces = await maas.ListSpacesAsync(ct).ConfigureAwait(false);
        var names = site.Hosts.Select(h => h.Name).Concat(site.Orphans).Concat(site.Protected).ToList();
        var machines = await maas.FindMachinesAsync(names, ct).ConfigureAwait(false);

        var findings = new List<Finding>();
        var planes = site.Planes.Select(p => CheckPlane(p, spaces, findings)).ToList();
        var baseline = names.Select(n => Baseline(n, machines)).ToList();
        foreach (var row in baseline.Where(r => r.Role == MachineRole.Protected && r.SystemId is null))
            findings.Add(new Finding(Severity.Warning, "protected-absent", row.Hostname,
                "protected machine is not in MAAS; check the site file's protected list"));
        var model = await JujuBaselineReader.ReadAsync(site, juju, machines, findings, ct).ConfigureAwait(false);
        var disks = await OsdBaselineAsync(findings, ct).ConfigureAwait(false);
        return new PreflightReport(maasName, planes, baseline, disks, model, findings);
    }

    private async Task<IReadOnlyList<OsdDiskBaseline>> OsdBaselineAsync(List<Finding> findings, CancellationToken ct)
    {
        IReadOnlyList<HypervisorDomain> domains;
        try
        {
            domains = await hypervisor.ListDomainsAsync(ct).ConfigureAwait(false);
        }
        catch (HypervisorException e)
        {
            findings.Add(new Finding(Severity.Fatal, "hypervisor-unreachable", "hypervisor", e.Message));
            return [];
        }
        var rows = new List<OsdDiskBaseline>();
        foreach (var host in site.Hosts)
        {
            var path = site.Osd.FileFor(host, site.Libvirt.ImagesDir);
            var state = domains.FirstOrDefault(d => d.Name == host.Name)?.State;
            var volume = await hypervisor.FindVolumeAsync(path, ct).ConfigureAwait(false);
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
            findings.Add(new Finding(Severity.Fatal, "space-missing", plane.Name, $"MAAS has no space {plane.Name} (expected {expected})"));
            return new PlaneCheck(plane.Name, expected, [], PlaneState.Missing);
        }
        if (!space.Cidrs.Contains(expected))
        {
            var actual = space.Cidrs.Count == 0 ? "no subnet" : string.Join(", ", space.Cidrs);
            findings.Add(new Finding(Severity.Fatal, "space-cidr", plane.Name, $"space {plane.Name} holds {actual}, expected {expected}"));
            return new PlaneCheck(plane.Name, expected, space.Cidrs, PlaneState.WrongCidr);
        }
        if (space.Cidrs.Count > 1)
            findings.Add(new Finding(Severity.Warning, "space-extra-subnet", plane.Name,
                $"space {plane.Name} also holds {string.Join(", ", space.Cidrs.Where(c => c != expected))}"));
        return new PlaneCheck(plane.Name, expected, space.Cidrs, PlaneState.Ok);
    }

    private MachineBaseline Baseline(string hostname, IReadOnlyList<MaasMachine> machines)
    {
        var role = site.Hosts.Any(h => h.Name == hostname) ? MachineRole.Host
            : site.Orphans.Contains(hostname) ? MachineRole.Orphan
            : MachineRole.Protected;
        var machine = machines.FirstOrDefault(m => m.Hostname == hostname);
        return new MachineBaseline(hostname, role, machine?.SystemId, machine?.StatusName, machine?.PowerState);
    }
}
