using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Teardown;
using Slate.Runbook.Tests.Core;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Teardown;

/// <summary>
/// The release path's apply (juju remove-machine --keep-instance, waited out of the model) and the destroy path's
/// DELETE when MAAS no longer has the machine or lost the answer after deleting it.
/// </summary>
public sealed class TeardownReleaseApplyTests
{
    private readonly TeardownWorld _world = new();
    private readonly RecordingObserver _observer = new();

    private static TeardownOptions Canary => new(TeardownPath.Release, true, TimeSpan.FromSeconds(30));

    private Task<StepRun> ApplyAsync(TestServices services, TeardownOptions options) =>
        TeardownWorld.ApplyAsync(services, options, _observer);

    [Fact]
    public async Task The_canary_removes_the_first_hosts_machine_keeping_its_instance_and_waits_until_it_left_the_model()
    {
        var juju = new ReleasingJuju(_world);

        var run = await ApplyAsync(_world.Services with { Juju = juju, Time = new FastTime() }, Canary);

        Assert.Equal(["remove 0 keep-instance force"], juju.Removals);
        var removed = Assert.Single(run.Actions);
        Assert.Equal((ActionOutcome.Done, "machine 0 removed from openstack; openstack0 kept its instance"), (removed.Outcome, removed.Detail));
        Assert.DoesNotContain(_world.ModelMachines, m => m.Id == "0");
    }

    [Fact]
    public async Task A_model_gone_while_waiting_means_the_machine_left_it()
    {
        var juju = new ReleasingJuju(_world) { ModelGoesWithTheMachine = true };

        var run = await ApplyAsync(_world.Services with { Juju = juju, Time = new FastTime() }, Canary);

        Assert.Equal(ActionOutcome.Done, Assert.Single(run.Actions).Outcome);
    }

    [Fact]
    public async Task A_machine_still_in_the_model_after_the_budget_fails_the_removal()
    {
        var juju = new ReleasingJuju(_world) { Stuck = true };

        var run = await ApplyAsync(_world.Services with { Juju = juju, Time = new FastTime(1000) }, Canary);

        Assert.Equal(ExitCode.Error, run.ExitCode);
        var removal = Assert.Single(run.Actions);
        Assert.Equal((ActionOutcome.Failed, "machine 0 is still in openstack after 30s"), (removal.Outcome, removal.Detail));
    }

    [Fact]
    public async Task A_machine_without_units_is_removed_without_force()
    {
        _world.Units.RemoveAll(u => u.Machine == "0");
        var juju = new ReleasingJuju(_world);

        await ApplyAsync(_world.Services with { Juju = juju, Time = new FastTime() }, Canary);

        Assert.Equal(["remove 0 keep-instance"], juju.Removals);
    }

    [Fact]
    public async Task A_machine_maas_no_longer_has_counts_as_deleted()
    {
        _world.TornDownByDestroy();
        _world.Machines.Add(TeardownWorld.Deployed("capi-mgmt", "capi00", pod: null));
        var maas = new DeleteAnsweringMaas(_world, MaasFailure.NotFound, appliedFirst: true);

        var run = await ApplyAsync(_world.Services with { Maas = maas, Time = new FastTime() }, TeardownWorld.Destroy);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(1, maas.Deletes);
        Assert.Contains("progress capi-mgmt is already gone from MAAS", _observer.Events);
    }

    [Fact]
    public async Task A_lost_answer_to_a_delete_maas_applied_is_re_read_and_not_sent_again()
    {
        _world.TornDownByDestroy();
        _world.Machines.Add(TeardownWorld.Deployed("capi-mgmt", "capi00", pod: null));
        var maas = new DeleteAnsweringMaas(_world, MaasFailure.OutcomeUnknown, appliedFirst: true);

        var run = await ApplyAsync(_world.Services with { Maas = maas, Time = new FastTime() }, TeardownWorld.Destroy);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(1, maas.Deletes);
    }

    [Fact]
    public async Task Lost_answers_that_keep_coming_fail_the_delete_after_the_bounded_attempts()
    {
        _world.TornDownByDestroy();
        _world.Machines.Add(TeardownWorld.Deployed("capi-mgmt", "capi00", pod: null));
        var maas = new DeleteAnsweringMaas(_world, MaasFailure.OutcomeUnknown, appliedFirst: false);

        var run = await ApplyAsync(_world.Services with { Maas = maas, Time = new FastTime() }, TeardownWorld.Destroy);

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Equal(4, maas.Deletes);
        Assert.Equal(ActionOutcome.Unknown, Assert.Single(run.Actions).Outcome);
    }

    /// <summary>A juju that takes a removed machine out of the model (or never does, or loses the whole model with it).</summary>
    private sealed class ReleasingJuju(TeardownWorld world) : IJuju
    {
        private bool _modelGone;

        public List<string> Removals { get; } = [];

        public bool Stuck { get; init; }

        public bool ModelGoesWithTheMachine { get; init; }

        public Task<JujuModelStatus> StatusAsync(string model, CancellationToken ct = default) => _modelGone
            ? throw new JujuException(JujuFailure.ModelNotFound, "gone") { Argv = ["juju"], ExitCode = 1, StderrTail = "ERROR model not found" }
            : Task.FromResult(new JujuModelStatus(model, world.ModelMachines.ToList(), [new JujuApplication("ceph-osd", "ceph-osd", null, world.Units, [], [])], []));

        public Task RemoveMachineAsync(string model, string machineId, RemoveOptions options, CancellationToken ct = default)
        {
            Removals.Add($"remove {machineId}{(options.KeepInstance ? " keep-instance" : "")}{(options.Force ? " force" : "")}");
            if (!Stuck)
                world.ModelMachines.RemoveAll(m => m.Id == machineId);
            _modelGone = ModelGoesWithTheMachine;
            return Task.CompletedTask;
        }

        public Task<string> StatusJsonAsync(string model, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<string> ExportBundleAsync(string model, CancellationToken ct = default) => throw new NotSupportedException();

        public Task DestroyModelAsync(string model, DestroyOptions options, IProgress<string>? progress = null, CancellationToken ct = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<JujuModelSummary>> ListModelsAsync(CancellationToken ct = default) => throw new NotSupportedException();
    }

    /// <summary>A MAAS whose DELETE answers with a failure, after deleting the machine (first time only) or without deleting it.</summary>
    private sealed class DeleteAnsweringMaas(TeardownWorld world, MaasFailure failure, bool appliedFirst) : MaasWithoutNetwork
    {
        public int Deletes { get; private set; }

        public override Task<string> GetMaasNameAsync(CancellationToken ct) => Task.FromResult("caracal-testcloud");

        public override Task<IReadOnlyList<MaasSpace>> ListSpacesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<MaasSpace>>([]);

        public override Task<IReadOnlyList<MaasMachine>> FindMachinesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<MaasMachine>>(world.Machines.Where(m => hostnames.Contains(m.Hostname)).ToList());

        public override Task DeleteMachineAsync(string systemId, CancellationToken ct)
        {
            if (++Deletes == 1 && appliedFirst)
                world.Machines.RemoveAll(m => m.SystemId == systemId);
            throw new MaasException(failure, "DELETE machines/capi00/: no answer");
        }
    }
}
