using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Core;

public sealed class StepRunnerTests
{
    private static readonly PlannedAction First = ScriptedStep.Action("first");
    private static readonly PlannedAction Second = ScriptedStep.Action("second");

    private readonly TestServices _services = StepRunnerWorld.Services();

    private readonly RecordingObserver _observer = new();
    private readonly Interruption _interruption = new();

    private Task<StepRun> RunAsync(ScriptedStep step, RunMode mode, params string[] confirmations) =>
        new StepRunner(_services, _observer, _interruption, confirmations).RunAsync(step, mode);

    private List<string?> Journalled() => _services.MemoryJournal.Written.Select(e => e.Event.Word() + (e.Action is null ? "" : " " + e.Action)).ToList<string?>();

    [Fact]
    public async Task A_dry_run_shows_the_plan_and_changes_nothing()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First, Second]));

        var run = await RunAsync(step, RunMode.Plan);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Empty(step.Applied);
        Assert.Empty(_services.MemoryJournal.Written);
        Assert.Empty(_observer.Asked);
        Assert.Contains(_observer.Events, e => e.StartsWith("note Dry run: nothing was changed. Re-run with --apply to make these 2 change(s)", StringComparison.Ordinal));
        Assert.Null(run.Gate);
    }

    [Fact]
    public async Task Every_entry_of_a_run_carries_the_runs_id_and_the_next_run_gets_another()
    {
        var runner = new StepRunner(_services, _observer, _interruption, ["yes", "yes"]);

        await runner.RunAsync(new ScriptedStep(ScriptedStep.Assessment([First])), RunMode.Apply);
        var firstRun = _services.MemoryJournal.Written.Count;
        await runner.RunAsync(new ScriptedStep(ScriptedStep.Assessment([Second])), RunMode.Apply);

        var runs = _services.MemoryJournal.Written.Select(e => e.Run).ToList();
        Assert.Single(runs.Take(firstRun).Distinct());
        Assert.Single(runs.Skip(firstRun).Distinct());
        Assert.NotEqual(runs[0], runs[^1]);
        Assert.All(runs, r => Assert.Matches("^[0-9a-f]{20}$", r));
    }

    [Fact]
    public async Task Apply_confirms_journals_each_action_before_and_after_and_proves_the_gate_on_a_fresh_observation()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First, Second], gateHolds: false), ScriptedStep.Assessment([], gateHolds: true));

        var run = await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(["first", "second"], step.Applied);
        Assert.Equal(2, step.Assessments);
        Assert.True(run.Gate!.Green);
        Assert.Equal(["confirmed", "plan", "started first", "done first", "started second", "done second", "gate"], Journalled());
        var plan = _services.MemoryJournal.Written[1];
        Assert.Equal("id1", plan.Arguments!["host:a"]);
        Assert.Equal(run.Assessment.Plan.Fingerprint, plan.Fingerprint);
        Assert.All(_services.MemoryJournal.Written, e => Assert.Equal("caracal-testcloud", e.Cloud));
        Assert.Contains("progress applying second", _observer.Events);
        Assert.Equal([ActionOutcome.Done, ActionOutcome.Done], run.Actions.Select(a => a.Outcome));
    }

    [Fact]
    public async Task A_gate_still_red_after_apply_is_exit_3()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First], gateHolds: false));

        var run = await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        Assert.Equal("red: thing", _services.MemoryJournal.Written[^1].Detail);
    }

    [Theory]
    [InlineData(RunMode.Plan)]
    [InlineData(RunMode.Apply)]
    public async Task Fatal_findings_refuse_with_exit_3_and_nothing_applied_or_journalled(RunMode mode)
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First], true, new Finding(Severity.Fatal, "bad", "x", "no")));

        var run = await RunAsync(step, mode, "openstack");

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        Assert.Empty(step.Applied);
        Assert.Empty(_observer.Asked);
        Assert.Empty(_services.MemoryJournal.Written);
    }

    [Theory]
    [InlineData(RunMode.Plan)]
    [InlineData(RunMode.Apply)]
    public async Task An_unmet_precondition_refuses_with_exit_4_before_fatal_findings_and_nothing_applied_or_journalled(RunMode mode)
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First], true,
            new Finding(Severity.Fatal, "bad", "x", "no"), new Finding(Severity.Precondition, "host-in-maas", "openstack0", "still enrolled")));

        var run = await RunAsync(step, mode, "openstack");

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Empty(step.Applied);
        Assert.Empty(_observer.Asked);
        Assert.Empty(_services.MemoryJournal.Written);
        Assert.Contains(_observer.Events, e => e.StartsWith(mode == RunMode.Apply ? "note Refused: a precondition does not hold" : "note A precondition does not hold", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RunMode.Apply)]
    [InlineData(RunMode.Gate)]
    public async Task An_unmet_precondition_does_not_matter_when_there_is_nothing_to_do_or_only_the_gate_is_asked(RunMode mode)
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([], true, new Finding(Severity.Precondition, "host-in-maas", "openstack0", "re-enrolled since")));

        var run = await RunAsync(step, mode);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.True(run.Gate!.Green);
    }

    [Fact]
    public async Task Warnings_do_not_refuse()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First], true, new Finding(Severity.Warning, "meh", "x", "hm")));

        var run = await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(["first"], step.Applied);
    }

    [Theory]
    [InlineData(true, ExitCode.Ok)]
    [InlineData(false, ExitCode.GateRed)]
    public async Task Nothing_to_do_is_said_and_the_gate_decides_the_exit_code(bool holds, ExitCode expected)
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([], holds));

        var run = await RunAsync(step, RunMode.Apply);

        Assert.Equal(expected, run.ExitCode);
        Assert.Contains("note Nothing to do: the cloud is already where this step leads.", _observer.Events);
        Assert.Empty(_observer.Asked);
        Assert.Empty(_services.MemoryJournal.Written);
    }

    [Theory]
    [InlineData(true, ExitCode.GateRed)]
    [InlineData(false, ExitCode.Ok)]
    public async Task In_gate_mode_a_fatal_finding_is_a_red_verdict_even_with_no_gate_lines(bool fatal, ExitCode expected)
    {
        Finding[] findings = fatal ? [new Finding(Severity.Fatal, "space-missing", "storage", "gone")] : [];
        var assessment = new StepAssessment("maas", new StepPlan("read-only", [], findings, [], [], new Dictionary<string, string>()), GateReport.None);

        var run = await RunAsync(new ScriptedStep(assessment), RunMode.Gate);

        Assert.Equal(expected, run.ExitCode);
        Assert.DoesNotContain(_observer.Events, e => e.StartsWith("note Nothing to do", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_confirmation_that_does_not_match_is_refused_with_exit_4_and_nothing_applied()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First]));

        var run = await RunAsync(step, RunMode.Apply, "opnstack");

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Empty(step.Applied);
        Assert.Empty(_observer.Asked);
        Assert.Equal(["refused"], Journalled());
        Assert.Contains("note Refused: 'opnstack' is not 'openstack'; nothing was changed.", _observer.Events);
    }

    [Fact]
    public async Task No_terminal_and_no_confirm_is_refused_with_exit_4()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First]));

        var run = await RunAsync(step, RunMode.Apply);

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Single(_observer.Asked);
        Assert.Empty(step.Applied);
    }

    [Fact]
    public async Task The_operator_may_type_the_value_at_the_prompt()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First]));
        _observer.Answers.Enqueue("openstack");

        var run = await RunAsync(step, RunMode.Apply);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(["first"], step.Applied);
        Assert.Equal("typed 'openstack' for: everything", _services.MemoryJournal.Written[0].Detail);
    }

    [Fact]
    public async Task A_step_that_needs_no_confirmation_applies_without_asking()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First])) { Confirmation = null };

        var run = await RunAsync(step, RunMode.Apply);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Empty(_observer.Asked);
        Assert.Equal(JournalEvent.Plan, _services.MemoryJournal.Written[0].Event);
    }

    [Theory]
    [InlineData(MaasFailure.Refused, ActionOutcome.Failed)]
    [InlineData(MaasFailure.NotFound, ActionOutcome.Failed)]
    [InlineData(MaasFailure.Unreachable, ActionOutcome.Failed)]
    [InlineData(MaasFailure.Busy, ActionOutcome.Failed)]
    [InlineData(MaasFailure.OutcomeUnknown, ActionOutcome.Unknown)]
    public async Task A_failing_action_stops_the_run_with_exit_1_the_rest_not_started(MaasFailure failure, ActionOutcome outcome)
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First, Second]));
        step.Results["first"] = _ => throw new MaasException(failure, "MAAS said no");

        var run = await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Equal(["first"], step.Applied);
        Assert.Equal([outcome, null], run.Actions.Select(a => a.Outcome));
        Assert.Equal("not started", run.Actions[1].Detail);
        Assert.Equal(["confirmed", "plan", "started first", outcome.ToString().ToLowerInvariant() + " first", "gate"], Journalled());
        Assert.Equal("MAAS said no", _services.MemoryJournal.Written[3].Detail);
        Assert.Equal(2, step.Assessments);
    }

    [Fact]
    public async Task A_juju_command_that_failed_may_have_done_something_so_it_is_unknown()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First]));
        step.Results["first"] = _ => throw new JujuException(JujuFailure.CommandFailed, "juju exited 1") { Argv = ["juju"], ExitCode = 1, StderrTail = "ERROR boom" };

        var run = await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Equal(ActionOutcome.Unknown, Assert.Single(run.Actions).Outcome);
    }

    [Fact]
    public async Task A_juju_request_refused_before_running_is_failed()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First]));
        step.Results["first"] = _ => throw new JujuException(JujuFailure.Invalid, "invalid model name");

        var run = await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Equal(ActionOutcome.Failed, Assert.Single(run.Actions).Outcome);
    }

    [Fact]
    public async Task An_unexpected_exception_is_a_bug_and_is_not_swallowed()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First]));
        step.Results["first"] = _ => throw new InvalidOperationException("bug");

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(step, RunMode.Apply, "openstack"));
        Assert.Equal(["confirmed", "plan", "started first"], Journalled());
    }

    [Fact]
    public async Task A_failed_result_stops_the_run_like_a_failure()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First, Second]));
        step.Results["first"] = _ => Task.FromResult(ActionResult.Failed("still there"));

        var run = await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Equal(["first"], step.Applied);
    }

    [Fact]
    public async Task A_follow_up_runs_only_after_its_own_confirmation_and_before_the_remaining_actions()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First, Second]));
        var forced = ScriptedStep.Action("forced");
        step.Results["first"] = _ => Task.FromResult(new ActionResult(ActionOutcome.Done, "lingers",
            new FollowUp(new Confirmation("Force it?", "force openstack", ["machine 3"]), [forced])));

        var run = await RunAsync(step, RunMode.Apply, "openstack", "force openstack");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(["first", "forced", "second"], step.Applied);
        Assert.Equal(["confirmed", "plan", "started first", "done first", "confirmed", "started forced", "done forced", "started second", "done second", "gate"], Journalled());
    }

    [Fact]
    public async Task A_follow_up_not_confirmed_stops_with_exit_4_and_runs_nothing_more()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First, Second]));
        step.Results["first"] = _ => Task.FromResult(new ActionResult(ActionOutcome.Done, "lingers",
            new FollowUp(new Confirmation("Force it?", "force openstack", ["machine 3"]), [ScriptedStep.Action("forced")])));

        var run = await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Equal(["first"], step.Applied);
        Assert.Equal(["forced", "second"], run.Actions.Where(a => a.Outcome is null).Select(a => a.Action.Kind));
    }

    [Theory]
    [InlineData(ExitCode.Interrupted)]
    [InlineData(ExitCode.Terminated)]
    public async Task A_first_signal_lets_the_running_action_finish_and_stops_before_the_next(ExitCode signal)
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First, Second]));
        _observer.OnActionStarted = kind => { if (kind == "first") _interruption.Signal(signal); };

        var run = await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Equal(signal, run.ExitCode);
        Assert.Equal(["first"], step.Applied);
        Assert.Equal(["confirmed", "plan", "started first", "done first", "interrupted"], Journalled());
        Assert.Equal("stopped before this action; 1 action(s) not started", _services.MemoryJournal.Written[^1].Detail);
    }

    [Fact]
    public async Task A_second_signal_aborts_the_running_action_which_is_journalled_as_unknown()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First, Second]));
        step.Results["first"] = async ct => { await Task.Delay(Timeout.Infinite, ct); return ActionResult.Done("never"); };
        _observer.OnActionStarted = _ =>
        {
            _interruption.Signal(ExitCode.Interrupted);
            _interruption.Signal(ExitCode.Terminated);
        };

        var run = await RunAsync(step, RunMode.Apply, "openstack");

        Assert.Equal(ExitCode.Interrupted, run.ExitCode);
        Assert.Equal(["confirmed", "plan", "started first", "unknown first", "interrupted"], Journalled());
        Assert.Equal([ActionOutcome.Unknown, null], run.Actions.Select(a => a.Outcome));
    }
}
