using Slate.Lab.Hypervisor;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Preflight;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Core;

/// <summary>What the operator is told while a step runs, and what the journal keeps of it, in order.</summary>
public sealed class StepRunnerObserverTests
{
    private static readonly Site Site = CaracalCloud.Caracal;
    private static readonly PlannedAction First = ScriptedStep.Action("first", ("host", "openstack0"));
    private static readonly PlannedAction Second = ScriptedStep.Action("second");
    private static readonly PlannedAction Third = ScriptedStep.Action("third");
    private static readonly Finding Fatal = new(Severity.Fatal, "broken", "thing", "it is broken");

    private readonly TestServices _services = new(Site, new RecordedMaas("caracal-testcloud", [], []), RecordedJuju.Without("openstack"),
        LabHypervisor.FromSite(Site), TimeProvider.System);

    private readonly RecordingObserver _observer = new();
    private readonly Interruption _interruption = new();

    private Task<StepRun> RunAsync(ScriptedStep step, RunMode mode, params string[] confirmations) =>
        new StepRunner(_services, _observer, _interruption, confirmations).RunAsync(step, mode);

    private IEnumerable<string> Notes() => _observer.Events.Where(e => e.StartsWith("note ", StringComparison.Ordinal)).Select(e => e[5..]);

    [Fact]
    public async Task An_apply_is_told_in_order_assessed_each_action_started_and_finished_then_the_gate()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First, Second], gateHolds: false), ScriptedStep.Assessment([]));

        await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Equal(["assessed Apply", "started first", "progress applying first", "finished first Done", "started second", "progress applying second",
            "finished second Done", "gate green"], _observer.Events);
        var started = _services.MemoryJournal.Written.Single(e => e.Event == JournalEvent.Started && e.Action == "first");
        Assert.Equal("openstack0", started.Arguments!["host"]);
    }

    [Theory]
    [InlineData(RunMode.Plan, "The plan has fatal findings: --apply would be refused.")]
    [InlineData(RunMode.Apply, "Refused: the plan has fatal findings; nothing was changed.")]
    public async Task Fatal_findings_are_explained_for_the_mode_asked(RunMode mode, string note)
    {
        await RunAsync(new ScriptedStep(ScriptedStep.Assessment([First], true, Fatal)), mode, "openstack");

        Assert.Equal([note], Notes());
    }

    [Fact]
    public async Task Without_a_terminal_the_operator_is_told_how_to_confirm_and_the_refusal_is_journalled()
    {
        var run = await RunAsync(new ScriptedStep(ScriptedStep.Assessment([First])), RunMode.Apply);

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Equal(["Refused: no terminal to confirm on. Pass --confirm 'openstack' after reading the plan; nothing was changed."], Notes());
        var refused = Assert.Single(_services.MemoryJournal.Written);
        Assert.Equal((JournalEvent.Refused, "no confirmation (no terminal, no --confirm)"), (refused.Event, refused.Detail));
    }

    [Fact]
    public async Task A_failed_action_is_reported_finished_and_the_stop_is_explained()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First, Second]));
        step.Results["first"] = _ => throw new MaasException(MaasFailure.OutcomeUnknown, "lost");

        await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Contains("finished first Unknown", _observer.Events);
        Assert.Equal(["Stopped: first first-subject unknown. Nothing after it was started; the next run re-observes."], Notes());
    }

    [Fact]
    public async Task A_stop_between_actions_leaves_the_rest_not_started_in_plan_order_and_says_so()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First, Second, Third]));
        _observer.OnActionStarted = kind => { if (kind == "first") _interruption.Signal(ExitCode.Interrupted); };

        var run = await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Equal(["second", "third"], run.Actions.Where(a => a.Outcome is null).Select(a => a.Action.Kind));
        Assert.Equal(
        [
            "Stopping after first first-subject finishes (a wait in it ends now; the change it waits on is made). Ctrl-C again aborts it, and its outcome is journalled as unknown.",
            "Interrupted (stopped before this action); 2 action(s) not started. Re-run to re-observe and continue.",
        ], Notes());
    }

    [Fact]
    public async Task A_signal_at_the_confirmation_refuses_at_once_with_the_signals_code_journalled_as_a_refusal()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First]));
        _observer.Answers.Enqueue("openstack");
        _observer.OnAsked = () => _interruption.Signal(ExitCode.Terminated);

        var run = await RunAsync(step, RunMode.Apply);

        Assert.Equal(ExitCode.Terminated, run.ExitCode);
        Assert.Empty(step.Applied);
        Assert.Equal("Interrupted at the confirmation; nothing was changed.", Notes().Last());
        var refused = Assert.Single(_services.MemoryJournal.Written);
        Assert.Equal((JournalEvent.Refused, "interrupted at the confirmation (a signal)"), (refused.Event, refused.Detail));
    }

    [Fact]
    public async Task A_signal_during_the_last_action_is_answered_at_once_and_the_run_still_ends_interrupted()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First]), ScriptedStep.Assessment([]));
        var answered = new List<string>();
        step.Results["first"] = async _ =>
        {
            _interruption.Signal(ExitCode.Terminated);
            answered.AddRange(Notes());
            await Task.Yield();
            return ActionResult.Done("finished");
        };

        var run = await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Equal(ExitCode.Terminated, run.ExitCode);
        Assert.StartsWith("Stopping after first first-subject finishes", Assert.Single(answered), StringComparison.Ordinal);
        Assert.Equal(ActionOutcome.Done, Assert.Single(run.Actions).Outcome);
        Assert.Equal("Interrupted during the last action, which finished; nothing was left to start.", Notes().Last());
    }

    [Fact]
    public async Task An_aborted_action_is_reported_finished_as_unknown()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First]));
        step.Results["first"] = async ct => { await Task.Delay(Timeout.Infinite, ct); return ActionResult.Done("never"); };
        _observer.OnActionStarted = _ =>
        {
            _interruption.Signal(ExitCode.Interrupted);
            _interruption.Signal(ExitCode.Interrupted);
        };

        await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Contains("finished first Unknown", _observer.Events);
    }

    [Fact]
    public async Task A_signal_is_held_back_only_while_an_action_runs()
    {
        var during = new List<bool>();
        var step = new ScriptedStep(ScriptedStep.Assessment([First, Second]));
        step.Results["first"] = _ =>
        {
            during.Add(_interruption.InAction);
            return Task.FromResult(ActionResult.Done("ok"));
        };
        _observer.OnActionStarted = _ => during.Add(_interruption.InAction);

        await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Equal([false, true, false], during);
        Assert.False(_interruption.InAction);
    }

    [Fact]
    public async Task A_red_gate_after_apply_is_journalled_with_the_lines_that_fail()
    {
        var red = new StepAssessment("maas", ScriptedStep.Assessment([]).Plan,
            new GateReport([new GateLine("a", false, "host0", "x", "y"), new GateLine("b", true, "host1", "x", "x"), new GateLine("c", false, "host2", "x", "y")]));
        var step = new ScriptedStep(ScriptedStep.Assessment([First]), red);

        var run = await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        Assert.Equal("red: host0; host2", _services.MemoryJournal.Written[^1].Detail);
        Assert.Equal("gate red", _observer.Events[^1]);
    }
}
