using Slate.Runbook.Core;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Reenroll;

/// <summary>Runbook Step 5's plan (the script's --check): discover each host, assert nothing is ambiguous, pin what MAAS has, create the rest.</summary>
internal static class ReenrollPlanner
{
    public const string Architecture = "amd64/generic";
    private const string PowerType = "virsh";

    public static readonly IReadOnlySet<string> Enrolling = new HashSet<string>(StringComparer.Ordinal) { "Commissioning", "Testing" };

    public static StepPlan Plan(Site site, ReenrollOptions options, ReenrollObservation o)
    {
        var findings = new List<Finding>();
        FindProblems(site, o, findings);
        var creates = o.Hosts.Where(h => h.BootMac is not null && h.ByName is null && h.ByMac is null).ToList();
        var actions = creates.Select(h => Create(site, h)).Concat(o.Hosts.Where(h => h.Unpowered).Select(h => Repower(site, h))).ToList();
        if (actions.Count > 0 || o.Hosts.Any(h => h.Enrolled && Enrolling.Contains(h.ByMac!.StatusName)))
        {
            var polled = o.Hosts.Where(h => h.BootMac is not null).Select(h => (h.Host.Name, h.BootMac!)).ToList();
            actions.Add(new ReenrollAction.AwaitReady(polled).Planned(
                $"poll MAAS (one read by MAC for all {o.Hosts.Count} hosts per poll) through Commissioning → Testing → Ready " +
                $"(or Failed commissioning / Failed testing, or back to New when MAAS cannot power it, which the gate names), up to {DurationText.Format(options.Wait)}"));
        }
        var baseline = o.PreTeardownIds.ToDictionary(p => "pre-teardown:" + p.Key, p => p.Value, StringComparer.Ordinal);
        return new StepPlan("Step 5 — re-enrol the hosts into MAAS (machine objects for the surviving domains; never VMs)",
            [Targets(site, o)], findings, actions, Notes(), baseline);
    }

    private static PlannedAction Create(Site site, HostEnrolment h) =>
        new ReenrollAction.Enlist(h.Host.Name, h.BootMac!, Architecture, PowerType, site.Libvirt.PowerAddress, h.Host.Name).Planned(
            $"POST machines: hostname {h.Host.Name}, MAC {h.BootMac}, power type {PowerType}, power address {site.Libvirt.PowerAddress}, " +
            $"power id {h.Host.Name} (the domain); MAAS commissions it at once");

    /// <summary>
    /// A pinned machine MAAS left at New (a wrong password or an unreachable hypervisor aborts commissioning back to
    /// New, models/node.py _start_bmc_unavailable): its power is set again with the password given now, and it commissions.
    /// </summary>
    private static PlannedAction Repower(Site site, HostEnrolment h) =>
        new ReenrollAction.Repower(h.Host.Name, h.ByMac!.SystemId, site.Libvirt.PowerAddress, h.Host.Name).Planned(
            $"PUT machines/{h.ByMac.SystemId}: power type {PowerType}, power address {site.Libvirt.PowerAddress}, power id {h.Host.Name}, " +
            $"the password given now; then op=commission (MAAS has it at New{Message("New", h.ByMac.StatusMessage)}, power {h.ByMac.PowerState})");

    private static IReadOnlyList<string> Notes() =>
    [
        "The libvirt SSH password is asked when --apply first needs it (the terminal, no echo) or read from --password-file (mode 0600); it goes only into the POST body to MAAS.",
        "Only the missing machines are created; the ones MAAS has are pinned and never re-created. New machines get fresh system_ids: never reuse ids from a previous cycle.",
    ];

    private static void FindProblems(Site site, ReenrollObservation o, List<Finding> findings)
    {
        findings.Add(new Finding(Severity.Warning, "power-password-exposed", "power_parameters",
            "MAAS hands the libvirt SSH password back in clear to any admin through op=power_parameters (machines/{id}/, and machines/ for every " +
            "machine); Slate never calls it. Rotate the password after the rebuild (the runbook's standing item)."));
        if (site.Libvirt.BootNetwork is null)
        {
            findings.Add(new Finding(Severity.Fatal, "boot-network-unset", "libvirt.boot_network",
                "the site file does not say which libvirt network each host PXE-boots from, so no boot MAC can be chosen", "a network name", "unset"));
            return;
        }
        if (o.HypervisorError is { } error)
        {
            findings.Add(HypervisorFindings.Unreachable(error));
            return;
        }
        foreach (var h in o.Hosts)
            FindHostProblems(site, h, findings);
    }

    private static void FindHostProblems(Site site, HostEnrolment h, List<Finding> findings)
    {
        var name = h.Host.Name;
        if (!h.DomainDefined)
        {
            findings.Add(new Finding(Severity.Fatal, "domain-missing", name,
                "the hypervisor has no domain of this name: re-enrolment re-creates MAAS machines, never VMs", "defined", "absent"));
            return;
        }
        if (h.BootNicProblem is { } problem)
        {
            findings.Add(new Finding(Severity.Fatal, "boot-nic", name, problem, $"one NIC on {site.Libvirt.BootNetwork}", "none or several"));
            return;
        }
        if (h.ByMac is { } owner && owner.Hostname != name)
            findings.Add(new Finding(Severity.Fatal, "mac-elsewhere", name,
                $"MAAS machine {owner.Hostname} ({owner.SystemId}) holds {h.BootMac}, the boot MAC of domain {name}: creating {name} would be refused, and adopting it would rename it",
                name, owner.Hostname));
        else if (h.ByName is { } named && h.ByMac?.SystemId != named.SystemId)
            findings.Add(new Finding(Severity.Fatal, "hostname-elsewhere", name,
                $"MAAS has a machine {name} ({named.SystemId}, {named.StatusName}) that does not hold the domain's boot MAC {h.BootMac}: a stale machine? delete it in MAAS or fix the site",
                h.BootMac, "another machine"));
        else if (h.Enrolled && h.ByMac!.StatusName != "Ready" && !Enrolling.Contains(h.ByMac.StatusName) && !h.Unpowered)
            findings.Add(new Finding(Severity.Fatal, "pinned-not-enrolling", name,
                $"{name} ({h.ByMac.SystemId}) is {h.ByMac.StatusName}{Message(h.ByMac.StatusName, h.ByMac.StatusMessage)}: re-enrolment only waits through Commissioning and Testing " +
                "(and commissions a machine left at New again); " +
                "resolve it in MAAS (commission it again, or delete it) and re-plan", "Ready, New, Commissioning or Testing", h.ByMac.StatusName));
    }

    private static ReportTable Targets(Site site, ReenrollObservation o)
    {
        var rows = o.Hosts.Select(h => ReportTable.Row(h.Host.Name, h.DomainDefined ? "defined" : "ABSENT", h.BootMac ?? "-",
            h.ByMac?.SystemId ?? h.ByName?.SystemId ?? "-", h.ByMac?.StatusName ?? h.ByName?.StatusName ?? "absent", PlanOf(h))).ToList();
        return new ReportTable($"hosts (boot NIC on {site.Libvirt.BootNetwork ?? "?"}; power address {site.Libvirt.PowerAddress})",
            ["hostname", "domain", "boot MAC", "system_id", "MAAS status", "plan"], rows);
    }

    private static string PlanOf(HostEnrolment h) => h switch
    {
        { DomainDefined: false } or { BootMac: null } => "REFUSED",
        { ByName: null, ByMac: null } => "create",
        { Unpowered: true } => "re-power, commission",
        { Enrolled: true } => "pinned",
        _ => "REFUSED",
    };

    /// <summary>MAAS's status message in brackets, when it says more than the status itself.</summary>
    public static string Message(string status, string message) => message.Length > 0 && message != status ? $" ({message})" : "";
}
