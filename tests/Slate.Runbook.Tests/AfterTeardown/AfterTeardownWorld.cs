using Slate.Lab.Hypervisor;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Core;
using Slate.Runbook.Tests.Preflight;
using Slate.Runbook.Tests.Sites;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.AfterTeardown;

/// <summary>
/// The runbook's cloud right after Step 2's destroy path, where Steps 3 and 4 start: the hosts gone from MAAS, their
/// domains shut off on the lab hypervisor twin (an idle NIC on 8_lbaas each, a dirty vdb), one journal for every run.
/// </summary>
internal sealed class AfterTeardownWorld
{
    public static readonly Site CaracalSite = SiteLoader.Load(SiteFiles.CaracalPath);

    public AfterTeardownWorld(Site? site = null, IHypervisor? hypervisor = null)
    {
        Site = site ?? CaracalSite;
        foreach (var host in CaracalSite.Hosts)
            Hypervisor.SetState(host.Name, DomainState.ShutOff);
        Services = new TestServices(Site, new RecordedMaas("caracal-testcloud", [], Machines), RecordedJuju.Without("openstack"), hypervisor ?? Hypervisor, TimeProvider.System);
    }

    public Site Site { get; }

    public LabHypervisor Hypervisor { get; } = LabHypervisor.FromSite(CaracalSite);

    /// <summary>What MAAS holds of the hosts: nothing, unless a test puts one back.</summary>
    public List<MaasMachine> Machines { get; } = [];

    public TestServices Services { get; }

    public RecordingObserver Observer { get; } = new();

    public static string[] Hosts => [.. CaracalSite.Hosts.Select(h => h.Name)];

    public void Enrol(string host) => Machines.Add(new MaasMachine($"id-{host}", host, 4, "Ready", "off", "pod-1", []));

    public async Task<StepRun> RunAsync(IStep step, RunMode mode, params string[] confirmations)
    {
        using var interruption = new Interruption();
        return await new StepRunner(Services, Observer, interruption, confirmations).RunAsync(step, mode);
    }

    public List<string> Journalled(string step) =>
        Services.MemoryJournal.Written.Where(e => e.Step == step).Select(e => e.Event + (e.Subject is null ? "" : " " + e.Subject)).ToList();
}
