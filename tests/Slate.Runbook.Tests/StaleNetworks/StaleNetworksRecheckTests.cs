using Slate.Lab.Hypervisor;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.StaleNetworks;
using Slate.Runbook.Tests.AfterTeardown;

namespace Slate.Runbook.Tests.StaleNetworks;

/// <summary>
/// The prune re-reads libvirt before each write: a host gone before its detach, a domain that joined the network
/// before the stop. And what the plan and gate say for an inactive network, a missing host and a libvirt that drops.
/// </summary>
public sealed class StaleNetworksRecheckTests
{
    private const string Stale = "8_lbaas";
    private readonly AfterTeardownWorld _world = new();

    private StaleNetworksStep Step() => new(_world.Services);

    [Fact]
    public async Task A_host_domain_gone_before_its_detach_is_a_failed_action_that_stops_the_run()
    {
        _world.Observer.OnActionStarted = kind =>
        {
            if (kind == "detach-nic" && _world.Hypervisor.HasDomain("openstack0")) _world.Hypervisor.UndefineWithStorage("openstack0");
        };

        var run = await _world.RunAsync(Step(), RunMode.Apply);

        Assert.Equal(ExitCode.Error, run.ExitCode);
        var failed = Assert.Single(run.Actions, a => a.Outcome == ActionOutcome.Failed);
        Assert.Equal(("detach-nic", "domain openstack0 is gone now, not shut off: nothing detached"), (failed.Action.Kind, failed.Detail));
        Assert.NotNull(await _world.Hypervisor.FindNetworkAsync(Stale, CancellationToken.None));
    }

    [Fact]
    public async Task A_domain_that_joined_the_network_before_the_stop_keeps_it_running_and_defined()
    {
        _world.Observer.OnActionStarted = kind =>
        {
            if (kind == "destroy-network") _world.Hypervisor.DefineDomain("latecomer", DomainState.ShutOff, [], [new LabNic("52:54:00:aa:bb:cc", Stale, 1)]);
        };

        var run = await _world.RunAsync(Step(), RunMode.Apply);

        Assert.Equal(ExitCode.Error, run.ExitCode);
        var failed = Assert.Single(run.Actions, a => a.Outcome == ActionOutcome.Failed);
        Assert.Equal(("destroy-network", "network 8_lbaas is still referenced by latecomer (52:54:00:aa:bb:cc): not destroyed"), (failed.Action.Kind, failed.Detail));
        Assert.True((await _world.Hypervisor.FindNetworkAsync(Stale, CancellationToken.None))!.Active);
    }

    [Fact]
    public async Task An_inactive_network_reads_not_active_and_is_only_undefined()
    {
        await _world.Hypervisor.DestroyNetworkAsync(Stale, CancellationToken.None);

        var run = await _world.RunAsync(Step(), RunMode.Plan);

        Assert.Equal(ReportTable.Row(Stale, "virbr6", "yes", "no", "virbr6", "4"), run.Assessment.Plan.Tables[0].Rows.Single());
        Assert.Equal(["undefine-network"], run.Assessment.Plan.Actions.Where(a => a.Subject == Stale && a.Kind != "backup-network").Select(a => a.Kind));
    }

    [Fact]
    public async Task A_missing_host_domain_has_one_gate_line_and_no_baseline_comparison()
    {
        _world.Hypervisor.UndefineWithStorage("openstack2");

        var gate = await _world.RunAsync(Step(), RunMode.Gate);

        var line = Assert.Single(gate.Gate!.Lines, l => l.Subject == "openstack2");
        Assert.Equal(("host-kept", false, "no such domain"), (line.Code, line.Holds, line.Observed));
    }

    [Fact]
    public Task A_libvirt_that_drops_after_listing_the_domains_makes_the_plan_fatal_and_the_gate_red() =>
        _world.AssertUnreadableAfterDropAsync(services => new StaleNetworksStep(services), "the networks and definitions");
}
