using Slate.Lab.Hypervisor;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.StaleNetworks;
using Slate.Runbook.Tests.AfterTeardown;
using Slate.Runbook.Tests.Core;

namespace Slate.Runbook.Tests.StaleNetworks;

/// <summary>The prune's writes read back: a NIC already gone, and a detach, stop or undefine libvirt did not carry out.</summary>
public sealed class StaleNetworksStubbornTests
{
    private readonly AfterTeardownWorld _world = new();
    private readonly RecordingObserver _observer = new();

    private async Task<StepRun> ApplyAsync(StubbornHypervisor hypervisor)
    {
        var services = _world.Services with { Hypervisor = hypervisor };
        using var interruption = new Interruption();
        return await new StepRunner(services, _observer, interruption, ["8_lbaas"]).RunAsync(new StaleNetworksStep(services), RunMode.Apply);
    }

    private static ActionRecord Last(StepRun run) => run.Actions.Last(a => a.Outcome is not null);

    [Fact]
    public async Task A_nic_that_went_before_the_detach_is_said_and_counts_as_detached()
    {
        var run = await ApplyAsync(new StubbornHypervisor(_world.Hypervisor) { GoneBeforeDetach = true });

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Contains(_observer.Events, e => e.StartsWith("progress openstack0 has no NIC ", StringComparison.Ordinal) && e.EndsWith(" any more", StringComparison.Ordinal));
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

    /// <summary>The lab's libvirt, with one write that does not happen (or whose NIC was already gone).</summary>
    internal sealed class StubbornHypervisor(LabHypervisor lab) : IHypervisor
    {
        public bool GoneBeforeDetach { get; init; }
        public bool IgnoresDetach { get; init; }
        public bool IgnoresDestroy { get; init; }
        public bool IgnoresUndefine { get; init; }

        public async Task DetachInterfaceAsync(string domain, string mac, CancellationToken cancellationToken)
        {
            if (IgnoresDetach)
                return;
            await lab.DetachInterfaceAsync(domain, mac, cancellationToken);
            if (GoneBeforeDetach)
                throw new HypervisorException(HypervisorErrorCode.NoInterface, $"operation failed: no interface found with MAC {mac}");
        }

        public Task DestroyNetworkAsync(string name, CancellationToken cancellationToken) => IgnoresDestroy ? Task.CompletedTask : lab.DestroyNetworkAsync(name, cancellationToken);

        public Task UndefineNetworkAsync(string name, CancellationToken cancellationToken) => IgnoresUndefine ? Task.CompletedTask : lab.UndefineNetworkAsync(name, cancellationToken);

        public Task<IReadOnlyList<HypervisorDomain>> ListDomainsAsync(CancellationToken cancellationToken) => lab.ListDomainsAsync(cancellationToken);
        public Task<DomainDevices> GetDomainDevicesAsync(string domain, CancellationToken cancellationToken) => lab.GetDomainDevicesAsync(domain, cancellationToken);
        public Task<string> GetDomainXmlAsync(string domain, CancellationToken cancellationToken) => lab.GetDomainXmlAsync(domain, cancellationToken);
        public Task<HypervisorNetwork?> FindNetworkAsync(string name, CancellationToken cancellationToken) => lab.FindNetworkAsync(name, cancellationToken);
        public Task<StorageVolume?> FindVolumeAsync(string path, CancellationToken cancellationToken) => lab.FindVolumeAsync(path, cancellationToken);
        public Task DeleteVolumeAsync(string path, CancellationToken cancellationToken) => lab.DeleteVolumeAsync(path, cancellationToken);
        public Task<string> ResolvePathAsync(string path, CancellationToken cancellationToken) => lab.ResolvePathAsync(path, cancellationToken);
        public Task<StorageVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken) => lab.CreateVolumeAsync(spec, cancellationToken);
    }
}
