using Slate.Runbook.Core;
using Slate.Runbook.StaleNetworks;
using Slate.Runbook.Tests.AfterTeardown;
using Slate.Runbook.Tests.Core;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.StaleNetworks;

/// <summary>The prune's writes read back: a NIC already gone, and a detach, stop or undefine libvirt did not carry out.</summary>
public sealed class StaleNetworksStubbornTests
{
    private readonly AfterTeardownWorld _world = new();

    private Task<StepRun> ApplyAsync(StubbornHypervisor hypervisor) =>
        _world.ApplyOnAsync(hypervisor, services => new StaleNetworksStep(services), "8_lbaas");

    private static ActionRecord Last(StepRun run) => run.Actions.Last(a => a.Outcome is not null);

    [Fact]
    public async Task A_nic_that_went_before_the_detach_is_said_and_counts_as_detached()
    {
        var run = await ApplyAsync(new StubbornHypervisor(_world.Hypervisor) { GoneBeforeDetach = true });

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Contains(_world.Observer.Events, e => e.StartsWith("progress openstack0 has no NIC ", StringComparison.Ordinal) && e.EndsWith(" any more", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_detach_libvirt_did_not_carry_out_is_unknown_and_stops_the_run()
    {
        var run = await ApplyAsync(new StubbornHypervisor(_world.Hypervisor) { IgnoresDetach = true });

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Equal((ActionOutcome.Unknown, "detach-nic"), (Last(run).Outcome, Last(run).Action.Kind));
        Assert.StartsWith("NIC ", Last(run).Detail, StringComparison.Ordinal);
        Assert.EndsWith(" is still in the persistent definition of openstack0", Last(run).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_network_still_active_after_the_stop_is_unknown()
    {
        var run = await ApplyAsync(new StubbornHypervisor(_world.Hypervisor) { IgnoresDestroy = true });

        Assert.Equal((ActionOutcome.Unknown, "network 8_lbaas is still active"), (Last(run).Outcome, Last(run).Detail));
    }

    [Fact]
    public async Task A_network_still_defined_after_the_undefine_is_unknown_and_says_it_is_inactive()
    {
        var run = await ApplyAsync(new StubbornHypervisor(_world.Hypervisor) { IgnoresUndefine = true });

        Assert.Equal("network 8_lbaas stopped (bridge removed)", run.Actions.Single(a => a.Action.Kind == "destroy-network").Detail);
        Assert.Equal((ActionOutcome.Unknown, "network 8_lbaas is still there (inactive)"), (Last(run).Outcome, Last(run).Detail));
    }

    [Fact]
    public async Task After_the_prune_the_gate_reads_the_network_not_defined_and_unused_and_each_host_as_journalled()
    {
        await ApplyAsync(new StubbornHypervisor(_world.Hypervisor));

        var gate = (await new StaleNetworksStep(_world.Services).AssessAsync(CancellationToken.None)).Gate;

        Assert.Equal(["network-gone 8_lbaas: not defined", "unreferenced 8_lbaas: none"], gate.Lines.Take(2).Select(l => $"{l.Code} {l.Subject}: {l.Observed}"));
        var nics = gate.Lines.Single(l => l is { Code: "nics-kept", Subject: "openstack0" });
        Assert.Equal(nics.Expected, nics.Observed);
        Assert.True(gate.Green);
    }

    [Fact]
    public async Task A_network_left_defined_reads_inactive_on_its_bridge()
    {
        await ApplyAsync(new StubbornHypervisor(_world.Hypervisor) { IgnoresUndefine = true });

        var gate = (await new StaleNetworksStep(_world.Services).AssessAsync(CancellationToken.None)).Gate;

        Assert.Equal("defined, inactive, bridge virbr6", gate.Lines[0].Observed);
        Assert.False(gate.Lines[0].Holds);
    }

    [Fact]
    public async Task An_unreadable_hypervisor_is_one_line_that_does_not_hold()
    {
        var down = new AfterTeardownWorld(hypervisor: new UnreachableHypervisor());

        var gate = (await new StaleNetworksStep(down.Services).AssessAsync(CancellationToken.None)).Gate;

        Assert.False(Assert.Single(gate.Lines).Holds);
    }
}
