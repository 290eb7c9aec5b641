using Slate.Runbook.Core;
using Slate.Runbook.OsdWipe;
using Slate.Runbook.Ports;
using Slate.Runbook.StaleNetworks;
using Slate.Runbook.Teardown;

namespace Slate.Runbook.Reenroll;

/// <summary>
/// Runbook Step 5: after the destroy path the domains survive but MAAS has forgotten them. Creates the missing MAAS
/// machines (virsh power on each domain, its boot NIC's MAC) and waits until every host is Ready with a fresh system_id.
/// </summary>
public sealed class ReenrollStep(IStepServices services, ReenrollOptions options) : ActingStep<ReenrollObservation, ReenrollAction>(services)
{
    public const string StepName = "reenroll";
    private const string PasswordPrompt = "libvirt SSH password MAAS powers the hosts with (not shown)";
    private static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(30);

    private SecretText? _password;
    private bool _asked;

    public static readonly SecretParameter PasswordFile = new("password-file",
        "File holding the libvirt SSH password (a regular file of yours, mode 0600 or stricter); " +
        "without it the password is asked at the terminal, without echo, when --apply first needs it");

    public static readonly DurationParameter Wait = new("wait", "How long the hosts may take to reach Ready", DefaultWait);

    public static readonly StepDefinition Definition = new(
        StepName,
        ["reenroll"],
        "Runbook Step 5: re-create the MAAS machines of the surviving libvirt domains (never VMs) and bring them to Ready. Dry run by " +
        "default (the script's --check): each host's domain and boot MAC (the NIC on the site's libvirt.boot_network), machines MAAS already " +
        "has pinned and never re-created, the creates shown. --apply asks for the libvirt SSH password (terminal, no echo; or --password-file), " +
        "creates only the missing machines (a lost answer is resolved by MAC, never resent), then polls all hosts in one read through " +
        "Commissioning → Testing → Ready (Failed commissioning/testing exit 3 naming the host; a host MAAS cannot power falls back to New and ends the " +
        "step red at once, and a re-run with the right password sets its power again and commissions it). Gate: `slate gate reenroll` (all Ready, " +
        "system_ids other than the teardown journalled). MAAS exposes the password via op=power_parameters: rotate it after the rebuild.",
        Mutates: true,
        [PasswordFile, Wait],
        (services, arguments) => new ReenrollStep(services, new ReenrollOptions(arguments.Get(Wait), arguments.Get(PasswordFile))))
    {
        Number = "5",
        After = [StepRequirement.Gate(StaleNetworksStep.StepName), StepRequirement.Gate(OsdWipeStep.StepName)],
    };

    /// <summary>What the carve needs of re-enrolment: every host Ready.</summary>
    public static readonly StepRequirement HostsReady = StepRequirement.Lines(StepName, ReenrollGate.Ready);

    public override string Name => StepName;

    protected override async Task<ReenrollObservation> ObserveAsync(CancellationToken ct)
    {
        var bootNetwork = Site.Libvirt.BootNetwork;
        IReadOnlyList<HypervisorDomain> domains = [];
        string? hypervisorError = null;
        try
        {
            domains = await Services.Hypervisor.ListDomainsAsync(ct).ConfigureAwait(false);
        }
        catch (HypervisorException e)
        {
            hypervisorError = e.Message;
        }
        var nics = new Dictionary<string, (string? Mac, string? Problem)>(StringComparer.Ordinal);
        foreach (var host in Site.Hosts.Where(h => bootNetwork is not null && domains.Any(d => d.Name == h.Name)))
            nics[host.Name] = await BootNicAsync(host.Name, bootNetwork!, ct).ConfigureAwait(false);
        var macs = nics.Values.Select(n => n.Mac).OfType<string>().ToList();
        var byMac = macs.Count == 0 ? [] : await Services.Maas.FindMachinesByMacAsync(macs, ct).ConfigureAwait(false);
        var byName = await Services.Maas.FindMachinesAsync(Site.Hosts.Select(h => h.Name).ToList(), ct).ConfigureAwait(false);
        var hosts = Site.Hosts.Select(h =>
        {
            var (mac, problem) = nics.GetValueOrDefault(h.Name);
            return new HostEnrolment(h, domains.Any(d => d.Name == h.Name), mac, problem,
                byName.FirstOrDefault(m => m.Hostname == h.Name), mac is null ? null : byMac.FirstOrDefault(m => m.Macs.Contains(mac)));
        }).ToList();
        return new ReenrollObservation(hosts, hypervisorError, TeardownRecord.Read(Services.Journal, Site).HostIds);
    }

    protected override StepPlan Plan(ReenrollObservation observation) => ReenrollPlanner.Plan(Site, options, observation);

    protected override GateReport Gate(ReenrollObservation observation) => ReenrollGate.Judge(observation);

    protected override Task<ActionResult> ApplyAsync(ReenrollAction action, ActionContext context, CancellationToken ct) =>
        new ReenrollApplier(Services, options, Password, context).ApplyAsync(action, ct);

    /// <summary>Asked once per run, when the first create needs it.</summary>
    private SecretText? Password()
    {
        if (!_asked)
        {
            _password = options.Password(PasswordPrompt);
            _asked = true;
        }
        return _password;
    }

    /// <summary>The MAC of the domain's one NIC on the boot network (by libvirt network or bridge name), or why there is none.</summary>
    private async Task<(string? Mac, string? Problem)> BootNicAsync(string domain, string bootNetwork, CancellationToken ct)
    {
        DomainDevices devices;
        try
        {
            devices = await Services.Hypervisor.GetDomainDevicesAsync(domain, ct).ConfigureAwait(false);
        }
        catch (HypervisorException e)
        {
            return (null, $"its devices cannot be read: {e.Message}");
        }
        var boot = devices.Interfaces.Where(i => i.Network == bootNetwork || i.Bridge == bootNetwork).ToList();
        return boot.Count switch
        {
            1 => (boot[0].Mac.ToLowerInvariant(), null),
            0 => (null, $"domain {domain} has no NIC on {bootNetwork} (libvirt.boot_network), so MAAS could not PXE-boot it"),
            _ => (null, $"domain {domain} has {boot.Count} NICs on {bootNetwork} ({string.Join(", ", boot.Select(i => i.Mac))}): which one boots is ambiguous"),
        };
    }
}
