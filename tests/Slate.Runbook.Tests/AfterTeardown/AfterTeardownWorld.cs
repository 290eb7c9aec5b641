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

    /// <summary>Runs the step as its command does: after the teardown, whose gate this cloud holds unless a test undoes it.</summary>
    public async Task<StepRun> RunAsync(IStep step, RunMode mode, params string[] confirmations)
    {
        using var interruption = new Interruption();
        return await new StepRunner(Services, Observer, interruption, confirmations).RunAsync(step, mode);
    }

    /// <summary>Applies the step built on this cloud's services with <paramref name="hypervisor"/> in libvirt's place.</summary>
    public async Task<StepRun> ApplyOnAsync(IHypervisor hypervisor, Func<TestServices, IStep> step, params string[] confirmations)
    {
        var services = Services with { Hypervisor = hypervisor };
        using var interruption = new Interruption();
        return await new StepRunner(services, Observer, interruption, confirmations).RunAsync(step(services), RunMode.Apply);
    }

    /// <summary>
    /// Plans, then gates, the step against this cloud's libvirt answering the domain list and then dropping: the plan
    /// is fatal with the one finding that says <paramref name="what"/> cannot be read and why, plans nothing, and the
    /// gate is the one red line.
    /// </summary>
    public async Task AssertUnreadableAfterDropAsync(Func<TestServices, IStep> step, string what)
    {
        var dropping = new AfterTeardownWorld(Site, new UnreachableHypervisor(listedBy: Hypervisor));
        var dropped = step(dropping.Services);

        var plan = await dropping.RunAsync(dropped, RunMode.Plan);
        var gate = await dropping.RunAsync(dropped, RunMode.Gate);

        Assert.Equal(ExitCode.GateRed, plan.ExitCode);
        Assert.Equal([$"hypervisor-unreadable: {what} cannot be read: cannot connect to libvirt at qemu:///system: Failed to connect socket"],
            plan.Assessment.Plan.Findings.Select(f => $"{f.Code}: {f.Message}"));
        Assert.Empty(plan.Assessment.Plan.Actions);
        Assert.False(Assert.Single(gate.Gate!.Lines).Holds);
    }

    public List<string> Journalled(string step) =>
        Services.MemoryJournal.Written.Where(e => e.Step == step).Select(e => e.Event.Word() + (e.Subject is null ? "" : " " + e.Subject)).ToList();
}
