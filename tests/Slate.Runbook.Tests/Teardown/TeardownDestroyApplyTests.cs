using Slate.Lab.Hypervisor;
using Microsoft.Extensions.Time.Testing;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Teardown;
using Slate.Runbook.Tests.Core;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Teardown;

/// <summary>
/// destroy-model as the operator sees it: the storage flag it is sent with, the hosts it must see leave MAAS, the
/// lingering machines named for a forced removal, a second signal at the budget's end, and a DELETE MAAS did not carry out.
/// </summary>
public sealed class TeardownDestroyApplyTests
{
    private readonly TeardownWorld _world = new();
    private readonly RecordingObserver _observer = new();

    private static TeardownOptions Quick(TeardownPath path) => new(path, false, TimeSpan.FromSeconds(30));

    private Task<StepRun> ApplyAsync(TestServices services, TeardownOptions options, Interruption? interruption = null) =>
        TeardownWorld.ApplyAsync(services, options, _observer, interruption);

    /// <summary>What destroy-model leaves: no model, the hosts decomposed out of MAAS, their domains shut off; the orphan still there.</summary>
    private void Decomposed()
    {
        _world.ModelExists = false;
        _world.Machines.RemoveAll(m => m.Hostname.StartsWith("openstack", StringComparison.Ordinal));
        foreach (var host in TeardownWorld.Site.Hosts)
            _world.Hypervisor.SetState(host.Name, DomainState.ShutOff);
    }

    [Fact]
    public async Task The_destroy_path_destroys_the_storage_waits_for_the_hosts_to_leave_maas_and_deletes_the_orphan()
    {
        var juju = new DyingJuju(_world) { OnDestroy = Decomposed };
        var services = _world.Services with { Juju = juju, Maas = new DeletingMaas(_world.Machines), Time = new FastTime() };

        var run = await ApplyAsync(services, Quick(TeardownPath.Destroy));

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal((true, false), (juju.Destroyed!.DestroyStorage, juju.Destroyed.ReleaseStorage));
        Assert.Contains("progress juju destroy-model openstack: waiting up to 30s for the model to be removed", _observer.Events);
        Assert.Equal(["model openstack removed; openstack0, openstack1, openstack2, openstack3 decomposed out of MAAS", "capi-mgmt (capi00) deleted from MAAS"],
            run.Actions.Skip(1).Select(a => a.Detail));
        var plan = services.MemoryJournal.Written.Single(e => e.Event == JournalEvent.Plan);
        Assert.StartsWith($"the baseline journalled by run {plan.Run} at ", run.Gate!.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_an_earlier_run_destroyed_meanwhile_is_reported_already_gone_and_its_hosts_still_awaited()
    {
        var juju = new DyingJuju(_world)
        {
            OnDestroy = () =>
            {
                Decomposed();
                throw new JujuException(JujuFailure.ModelNotFound, "model openstack not found") { Argv = ["juju"], ExitCode = 1, StderrTail = "ERROR model not found" };
            },
        };
        var services = _world.Services with { Juju = juju, Maas = new DeletingMaas(_world.Machines), Time = new FastTime() };

        var run = await ApplyAsync(services, Quick(TeardownPath.Destroy));

        Assert.Contains("progress model openstack is already gone", _observer.Events);
        Assert.Equal((ActionOutcome.Done, "model openstack removed; openstack0, openstack1, openstack2, openstack3 decomposed out of MAAS"), (run.Actions[1].Outcome, run.Actions[1].Detail));
    }

    [Fact]
    public async Task The_release_path_destroys_the_emptied_model_releasing_its_storage()
    {
        var juju = new DyingJuju(_world) { OnDestroy = () => _world.ModelExists = false };
        var services = _world.Services with { Juju = juju, Maas = new DeletingMaas(_world.Machines), Time = new FastTime() };

        var run = await ApplyAsync(services, Quick(TeardownPath.Release));

        Assert.Equal((false, true), (juju.Destroyed!.DestroyStorage, juju.Destroyed.ReleaseStorage));
        Assert.Equal("model openstack removed", Assert.Single(run.Actions, a => TeardownAction.From(a.Action) is TeardownAction.DestroyModel).Detail);
    }

    [Fact]
    public async Task Hosts_that_stay_in_maas_as_ready_after_the_destroy_fail_it_they_were_not_decomposed()
    {
        var juju = new DyingJuju(_world)
        {
            OnDestroy = () =>
            {
                _world.ModelExists = false;
                for (var i = 0; i < 4; i++)
                    _world.Machines[i] = _world.Machines[i] with { StatusName = "Ready" };
            },
        };
        var services = _world.Services with { Juju = juju, Maas = new DeletingMaas(_world.Machines), Time = new FastTime() };

        var run = await ApplyAsync(services, Quick(TeardownPath.Destroy));

        Assert.Equal(ExitCode.Error, run.ExitCode);
        var destroy = run.Actions[1];
        Assert.Equal(ActionOutcome.Failed, destroy.Outcome);
        Assert.Equal("model openstack removed, but the hosts did not leave MAAS (Failed): openstack0 Ready, openstack1 Ready, openstack2 Ready, openstack3 Ready", destroy.Detail);
    }

    [Theory]
    [InlineData("openstack3", "host03", "openstack3")]
    [InlineData(null, "host03", "host03")]
    [InlineData(null, null, "?")]
    public async Task A_lingering_machine_is_named_by_its_hostname_else_its_instance(string? hostname, string? instance, string named)
    {
        var lingering = TeardownWorld.ModelMachine("3", "host03") with { Hostname = hostname, InstanceId = instance };
        var juju = new DyingJuju(_world) { NeverDies = true, Lingering = [lingering] };
        var services = _world.Services with { Juju = juju, Maas = new DeletingMaas(_world.Machines), Time = new FastTime() };

        var run = await ApplyAsync(services, Quick(TeardownPath.Destroy));

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Equal($"model openstack still dying after 30s: machine 3 ({named}) linger", run.Actions[1].Detail);
        Assert.Equal($"juju remove-machine --force 3 ({named})", run.Actions.Single(a => TeardownAction.From(a.Action) is TeardownAction.ForceRemoveMachine).Action.Description);
    }

    [Fact]
    public async Task A_second_signal_as_the_budget_runs_out_aborts_the_destroy_instead_of_offering_a_forced_removal()
    {
        var time = new FakeTimeProvider();
        var interruption = new Interruption();
        var juju = new DyingJuju(_world)
        {
            OnDestroy = () =>
            {
                time.Advance(TimeSpan.FromSeconds(31));
                interruption.Signal(ExitCode.Interrupted);
                interruption.Signal(ExitCode.Interrupted);
            },
            NeverDies = true,
        };
        var services = _world.Services with { Juju = juju, Time = time };

        var run = await ApplyAsync(services, Quick(TeardownPath.Destroy), interruption);

        Assert.Equal(ExitCode.Interrupted, run.ExitCode);
        Assert.Equal(ActionOutcome.Unknown, run.Actions[1].Outcome);
        Assert.DoesNotContain(run.Actions, a => TeardownAction.From(a.Action) is TeardownAction.ForceRemoveMachine);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_first_signal_ends_jujus_wait_for_the_model_once_juju_said_the_controller_took_the_request(bool signalFirst)
    {
        var interruption = new Interruption();
        var juju = new DyingJuju(_world)
        {
            Said = "Waiting for model to be removed, 4 machine(s), 9 application(s)...",
            OnDestroy = () => interruption.Signal(ExitCode.Interrupted),
            SignalFirst = signalFirst,
            NeverDies = true,
        };
        var services = _world.Services with { Juju = juju, Time = new FastTime() };

        var run = await ApplyAsync(services, Quick(TeardownPath.Destroy), interruption);

        Assert.Equal(ExitCode.Interrupted, run.ExitCode);
        Assert.Equal((ActionOutcome.Done, "stopped waiting for model openstack to be removed on a signal: the change was made (juju said the controller took it); " +
            "the hosts leaving MAAS were not awaited"), (run.Actions[1].Outcome, run.Actions[1].Detail));
        Assert.Contains("progress Waiting for model to be removed, 4 machine(s), 9 application(s)...", _observer.Events);
        Assert.Equal([null], run.Actions.Skip(2).Select(a => a.Outcome));
    }

    [Fact]
    public async Task A_first_signal_before_juju_said_it_took_the_request_does_not_stop_juju()
    {
        var interruption = new Interruption();
        var juju = new DyingJuju(_world) { OnDestroy = () => { interruption.Signal(ExitCode.Interrupted); Decomposed(); } };
        var services = _world.Services with { Juju = juju, Maas = new DeletingMaas(_world.Machines), Time = new FastTime() };

        var run = await ApplyAsync(services, Quick(TeardownPath.Destroy), interruption);

        Assert.Equal(ExitCode.Interrupted, run.ExitCode);
        Assert.Equal("model openstack removed; openstack0, openstack1, openstack2, openstack3 decomposed out of MAAS", run.Actions[1].Detail);
    }

    [Theory]
    [InlineData(true, 0, "capi-mgmt (capi00) left MAAS: an earlier run's DELETE was carried out, and none was sent again")]
    [InlineData(false, 1, "capi-mgmt (capi00) deleted from MAAS")]
    public async Task A_delete_an_earlier_run_left_in_doubt_is_given_time_to_finish_before_it_is_sent_again(bool carriedOut, int deletes, string detail)
    {
        _world.TornDownByDestroy();
        var orphan = TeardownWorld.Deployed("capi-mgmt", "capi00");
        _world.Machines.Add(orphan);
        var maas = new DeletingMaas(_world.Machines);
        var time = new FakeTimeProvider();
        var services = _world.Services with { Maas = maas, Time = time };
        var earlier = new TeardownAction.DeleteMachine("capi-mgmt", "capi00", "Deployed").Planned("");
        services.MemoryJournal.Append(new JournalEntry(time.GetUtcNow(), "caracal-testcloud", "teardown", JournalEvent.Started, "f0", earlier.Kind, earlier.Subject,
            earlier.Arguments, Run: "killed"));
        using var finished = new CancellationTokenSource();
        _observer.OnActionStarted = _ => Task.Run(async () =>
        {
            // The earlier DELETE finishes (the pod decomposed the VM) while this run waits; else the grace runs out.
            await Task.Delay(50);
            if (carriedOut) _world.Machines.Remove(orphan);
            while (!finished.IsCancellationRequested)
            {
                time.Advance(TimeSpan.FromSeconds(2));
                await Task.Delay(5);
            }
        });

        var run = await ApplyAsync(services, Quick(TeardownPath.Destroy));
        await finished.CancelAsync();

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(deletes, maas.Deletes);
        Assert.Equal(detail, Assert.Single(run.Actions).Detail);
        Assert.Contains("progress an earlier run's DELETE of capi-mgmt may have been carried out: waiting up to 1m for it to leave MAAS", _observer.Events);
    }

    [Fact]
    public async Task A_delete_maas_accepts_while_the_machine_stays_and_changes_status_fails()
    {
        _world.TornDownByDestroy();
        _world.Machines.Add(TeardownWorld.Deployed("capi-mgmt", "capi00", pod: null));
        var maas = new DeletingMaas(_world.Machines) { StaysAs = "Releasing" };

        var run = await ApplyAsync(_world.Services with { Maas = maas, Time = new FastTime() }, Quick(TeardownPath.Destroy));

        Assert.Equal(ExitCode.Error, run.ExitCode);
        var delete = Assert.Single(run.Actions);
        Assert.Equal((ActionOutcome.Failed, "capi-mgmt was deleted but is still in MAAS (Failed): capi-mgmt Releasing"), (delete.Outcome, delete.Detail));
    }

    /// <summary>A juju whose model dies on destroy (after <see cref="OnDestroy"/>), or never does while <see cref="Lingering"/> stay in it.</summary>
    private sealed class DyingJuju(TeardownWorld world) : IJuju
    {
        public DestroyOptions? Destroyed { get; private set; }

        public Action? OnDestroy { get; init; }

        public bool NeverDies { get; init; }

        public IReadOnlyList<JujuMachine>? Lingering { get; init; }

        public Task<JujuModelStatus> StatusAsync(string model, CancellationToken ct = default) => world.ModelExists
            ? Task.FromResult(new JujuModelStatus(model, Destroyed is not null && Lingering is { } left ? left : world.ModelMachines, [], []))
            : throw new JujuException(JujuFailure.ModelNotFound, "gone") { Argv = ["juju"], ExitCode = 1, StderrTail = "ERROR model not found" };

        public Task<string> StatusJsonAsync(string model, CancellationToken ct = default) => Task.FromResult("{}");

        public Task<string> ExportBundleAsync(string model, CancellationToken ct = default) => Task.FromResult("applications: {}");

        /// <summary>The line juju writes once the controller took the request; with <see cref="SignalFirst"/>, after <see cref="OnDestroy"/>.</summary>
        public string? Said { get; init; }

        public bool SignalFirst { get; init; }

        public async Task DestroyModelAsync(string model, DestroyOptions options, IProgress<string>? progress = null, CancellationToken ct = default)
        {
            Destroyed = options;
            if (!SignalFirst && Said is { } before)
                progress?.Report(before);
            OnDestroy?.Invoke();
            if (SignalFirst && Said is { } after)
                progress?.Report(after);
            if (NeverDies)
                await Task.Delay(Timeout.Infinite, ct);
        }

        public Task RemoveMachineAsync(string model, string machineId, RemoveOptions options, CancellationToken ct = default)
        {
            world.ModelMachines.RemoveAll(m => m.Id == machineId);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<JujuModelSummary>> ListModelsAsync(CancellationToken ct = default) => throw new NotSupportedException();
    }

    /// <summary>A MAAS whose DELETE removes the machine, or leaves it in place with another status.</summary>
    private sealed class DeletingMaas(List<MaasMachine> machines) : MaasWithoutNetwork
    {
        public string? StaysAs { get; init; }

        public int Deletes { get; private set; }

        public override Task<string> GetMaasNameAsync(CancellationToken ct) => Task.FromResult("caracal-testcloud");

        public override Task<IReadOnlyList<MaasSpace>> ListSpacesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<MaasSpace>>([]);

        public override Task<IReadOnlyList<MaasMachine>> FindMachinesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<MaasMachine>>(machines.Where(m => hostnames.Contains(m.Hostname)).ToList());

        public override Task DeleteMachineAsync(string systemId, CancellationToken ct)
        {
            Deletes++;
            var index = machines.FindIndex(m => m.SystemId == systemId);
            if (StaysAs is { } status)
                machines[index] = machines[index] with { StatusName = status };
            else
                machines.RemoveAt(index);
            return Task.CompletedTask;
        }
    }
}
