using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Teardown;
using Slate.Runbook.Tests.Core;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Teardown;

/// <summary>The teardown's apply on scripted ports: the lingering model, and a MAAS that answers DELETE badly.</summary>
public sealed class TeardownApplyTests
{
    private readonly TeardownWorld _world = new();
    private readonly RecordingObserver _observer = new();

    private static TeardownOptions Quick => new(TeardownPath.Destroy, false, TimeSpan.FromSeconds(30));

    [Fact]
    public async Task A_model_still_dying_after_the_budget_offers_a_forced_removal_of_its_lingering_machines_behind_a_second_confirmation()
    {
        var juju = new LingeringJuju(_world, lingering: "3");
        var services = _world.Services with { Juju = juju, Maas = new FlakyDeleteMaas(_world.Machines, 0, MaasFailure.Refused), Time = new FastTime() };

        var run = await TeardownWorld.ApplyAsync(services, Quick, _observer, null, "openstack", "force openstack");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(["destroy", "force-remove 3", "destroy"], juju.Calls.Where(c => c != "status"));
        var confirmed = ((MemoryJournal)services.Journal).Written.Where(e => e.Event == JournalEvent.Confirmed).Select(e => e.Detail).ToList();
        Assert.Equal("typed 'force openstack' for: machine 3 (host03)", confirmed[1]);
        Assert.Equal(["capture-model", "destroy-model", "force-remove-machine", "destroy-model", "delete-machine"], run.Actions.Select(a => a.Action.Kind));
        Assert.Contains("still dying after 30s", run.Actions[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_second_confirmation_nothing_is_forced_and_the_run_is_refused()
    {
        var juju = new LingeringJuju(_world, lingering: "3");
        var services = _world.Services with { Juju = juju, Maas = new FlakyDeleteMaas(_world.Machines, 0, MaasFailure.Refused), Time = new FastTime() };

        var run = await TeardownWorld.ApplyAsync(services, Quick, _observer);

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.DoesNotContain(juju.Calls, c => c.StartsWith("force", StringComparison.Ordinal));
        Assert.Equal(["force-remove-machine", "destroy-model", "delete-machine"], run.Actions.Where(a => a.Outcome is null).Select(a => a.Action.Kind));
    }

    [Theory]
    [InlineData(MaasFailure.Unreachable, "DELETE capi-mgmt: MAAS is busy (503) (waiting 1 s); sending again (1/6)")]
    [InlineData(MaasFailure.Busy, "DELETE capi-mgmt: MAAS is busy (409, waiting 1 s); sending again (1/6)")]
    [InlineData(MaasFailure.OutcomeUnknown, "DELETE capi-mgmt: MAAS is busy (503) Re-reading before trying again (1/4).")]
    public async Task A_busy_or_lost_delete_is_re_read_and_sent_again_while_the_machine_is_still_there(MaasFailure failure, string said)
    {
        _world.TornDownByDestroy();
        var capi = TeardownWorld.Deployed("capi-mgmt", "capi00", pod: null);
        var maas = new FlakyDeleteMaas([capi], failuresFirst: 2, failure);
        var services = _world.Services with { Maas = maas, Time = new FastTime() };

        var run = await TeardownWorld.ApplyAsync(services, Quick, _observer);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(3, maas.Deletes);
        Assert.Contains(_observer.Events, e => e.EndsWith(said, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_delete_that_keeps_failing_is_reported_failed_after_the_bounded_attempts()
    {
        _world.TornDownByDestroy();
        var maas = new FlakyDeleteMaas([TeardownWorld.Deployed("capi-mgmt", "capi00", pod: null)], failuresFirst: 99, MaasFailure.Unreachable);
        var services = _world.Services with { Maas = maas, Time = new FastTime() };

        var run = await TeardownWorld.ApplyAsync(services, Quick, _observer);

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Equal(MaasWrites.Attempts, maas.Deletes);
        Assert.Equal(ActionOutcome.Failed, Assert.Single(run.Actions).Outcome);
    }

    /// <summary>A juju whose model will not die while one machine lingers; a forced removal of it lets the next destroy finish.</summary>
    private sealed class LingeringJuju(TeardownWorld world, string lingering) : IJuju
    {
        private bool _forced;
        private bool _gone;

        public List<string> Calls { get; } = [];

        public Task<JujuModelStatus> StatusAsync(string model, CancellationToken ct = default)
        {
            Calls.Add("status");
            if (_gone)
                throw new JujuException(JujuFailure.ModelNotFound, "gone") { Argv = ["juju"], ExitCode = 1, StderrTail = "ERROR model not found" };
            var machines = _forced ? [] : world.ModelMachines.Where(m => m.Id == lingering || Calls.Count(c => c == "destroy") == 0).ToList();
            return Task.FromResult(new JujuModelStatus(model, machines, [], []));
        }

        public Task<string> StatusJsonAsync(string model, CancellationToken ct = default) => Task.FromResult("{}");

        public Task<string> ExportBundleAsync(string model, CancellationToken ct = default) => Task.FromResult("applications: {}");

        public async Task DestroyModelAsync(string model, DestroyOptions options, IProgress<string>? progress = null, CancellationToken ct = default)
        {
            Calls.Add("destroy");
            Assert.True(options.DestroyStorage);
            world.Machines.RemoveAll(m => m.Hostname.StartsWith("openstack", StringComparison.Ordinal));
            foreach (var host in TeardownWorld.Site.Hosts)
                world.Hypervisor.SetState(host.Name, DomainState.ShutOff);
            if (!_forced)
                await Task.Delay(Timeout.Infinite, ct);
            _gone = true;
        }

        public Task RemoveMachineAsync(string model, string machineId, RemoveOptions options, CancellationToken ct = default)
        {
            Calls.Add($"{(options.Force ? "force-remove" : "remove")} {machineId}");
            _forced = true;
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<JujuModelSummary>> ListModelsAsync(CancellationToken ct = default) => throw new NotSupportedException();
    }

    /// <summary>A MAAS whose DELETE fails a number of times before it works; the machine is gone once it does.</summary>
    private sealed class FlakyDeleteMaas(List<MaasMachine> machines, int failuresFirst, MaasFailure failure) : MaasWithoutNetwork
    {
        public int Deletes { get; private set; }

        public override Task<string> GetMaasNameAsync(CancellationToken ct) => Task.FromResult("caracal-testcloud");

        public override Task<IReadOnlyList<MaasSpace>> ListSpacesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<MaasSpace>>([]);

        public override Task<IReadOnlyList<MaasMachine>> FindMachinesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<MaasMachine>>(machines.Where(m => hostnames.Contains(m.Hostname)).ToList());

        public override Task DeleteMachineAsync(string systemId, CancellationToken ct)
        {
            if (++Deletes <= failuresFirst)
                throw new MaasException(failure, "MAAS is busy (503)");
            machines.RemoveAll(m => m.SystemId == systemId);
            return Task.CompletedTask;
        }
    }
}
