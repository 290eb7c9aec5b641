using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Core;

/// <summary>A step that is a diff re-observes after an action that did not end done, and goes on only with what was confirmed.</summary>
public sealed class ReconciliationTests
{
    private static readonly PlannedAction First = ScriptedStep.Action("first");
    private static readonly PlannedAction Second = ScriptedStep.Action("second");
    private static readonly PlannedAction Third = ScriptedStep.Action("third");

    private readonly TestServices _services = StepRunnerWorld.Services();
    private readonly RecordingObserver _observer = new();

    private Task<StepRun> RunAsync(ScriptedStep step) =>
        new StepRunner(_services, _observer, new Interruption(), ["openstack"]).RunAsync(step, RunMode.Apply);

    private List<string> Journalled() => _services.MemoryJournal.Written.Select(e => e.Event.Word() + (e.Action is null ? "" : " " + e.Action)).ToList();

    private static ScriptedStep Reconciling(params StepAssessment[] assessments) => new(assessments) { Reconciles = true };

    private static Func<CancellationToken, Task<ActionResult>> LostOnce()
    {
        var calls = 0;
        return _ => ++calls == 1 ? throw new MaasException(MaasFailure.OutcomeUnknown, "the answer was lost") : Task.FromResult(ActionResult.Done("done"));
    }

    [Fact]
    public async Task A_lost_answer_whose_change_happened_is_resolved_by_re_observing_and_the_run_goes_on_without_asking_again()
    {
        var step = Reconciling(ScriptedStep.Assessment([First, Second], gateHolds: false), ScriptedStep.Assessment([Second], gateHolds: false),
            ScriptedStep.Assessment([]));
        step.Results["first"] = _ => throw new MaasException(MaasFailure.OutcomeUnknown, "the answer was lost");

        var run = await RunAsync(step);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(["first", "second"], step.Applied);
        Assert.Equal(["confirmed", "plan", "started first", "unknown first", "reconciled", "started second", "done second", "gate"], Journalled());
        var reconciled = _services.MemoryJournal.Written.Single(e => e.Event == JournalEvent.Reconciled).Detail;
        Assert.Equal("Reconciled (1/3): first first-subject unknown; re-observed: 1 confirmed action(s) left, going on.", reconciled);
        Assert.Contains($"note {reconciled}", _observer.Events);
        Assert.Equal([ActionOutcome.Unknown, ActionOutcome.Done], run.Actions.Select(a => a.Outcome));
    }

    [Fact]
    public async Task A_lost_change_that_did_not_happen_is_planned_again_and_sent_once_more()
    {
        var step = Reconciling(ScriptedStep.Assessment([First, Second], gateHolds: false), ScriptedStep.Assessment([First, Second], gateHolds: false),
            ScriptedStep.Assessment([]));
        step.Results["first"] = LostOnce();

        var run = await RunAsync(step);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(["first", "first", "second"], step.Applied);
        Assert.Equal(["confirmed", "plan", "started first", "unknown first", "reconciled", "started first", "done first", "started second", "done second", "gate"], Journalled());
    }

    [Fact]
    public async Task A_refused_change_is_reconciled_too_and_nothing_is_left_when_another_hand_made_it()
    {
        var step = Reconciling(ScriptedStep.Assessment([First], gateHolds: false), ScriptedStep.Assessment([]));
        step.Results["first"] = _ => throw new MaasException(MaasFailure.Refused, "conflict");

        var run = await RunAsync(step);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(["first"], step.Applied);
        Assert.Equal("Reconciled (1/3): first first-subject failed; re-observed: nothing is left to do.",
            _services.MemoryJournal.Written.Single(e => e.Event == JournalEvent.Reconciled).Detail);
    }

    [Fact]
    public async Task A_refused_change_planned_again_from_a_fresh_observation_is_sent_once_more()
    {
        var step = Reconciling(ScriptedStep.Assessment([First, Second]), ScriptedStep.Assessment([First, Second]), ScriptedStep.Assessment([]));
        var calls = 0;
        step.Results["first"] = _ => ++calls == 1 ? throw new MaasException(MaasFailure.Refused, "Node is in Commissioning") : Task.FromResult(ActionResult.Done("done"));

        var run = await RunAsync(step);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(["first", "first", "second"], step.Applied);
    }

    [Fact]
    public async Task A_change_refused_twice_is_not_sent_a_third_time_it_would_be_refused_again()
    {
        var step = Reconciling(ScriptedStep.Assessment([First, Second]), ScriptedStep.Assessment([First, Second]));
        step.Results["first"] = _ => throw new MaasException(MaasFailure.Refused, "Cannot link: the node is Deploying");

        var run = await RunAsync(step);

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Equal(["first", "first"], step.Applied);
        Assert.StartsWith("Stopped: first first-subject was refused a second time; the new plan asks for it again, and it would be refused again.",
            _services.MemoryJournal.Written.Where(e => e.Event == JournalEvent.Reconciled).Last().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_plan_with_a_change_that_was_not_confirmed_stops_the_run_and_is_shown()
    {
        var step = Reconciling(ScriptedStep.Assessment([First, Second]), ScriptedStep.Assessment([Second, Third], gateHolds: false));
        step.Results["first"] = _ => throw new MaasException(MaasFailure.OutcomeUnknown, "lost");

        var run = await RunAsync(step);

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Equal(["first"], step.Applied);
        Assert.Equal(["confirmed", "plan", "started first", "unknown first", "reconciled", "gate"], Journalled());
        Assert.Equal("Stopped: first first-subject unknown; re-observed, the new plan has 1 change(s) that were not confirmed or are done already: third third-subject. " +
            "Nothing after it was started; the new plan is below: review it and re-run.", _services.MemoryJournal.Written[4].Detail);
        Assert.Equal(["assessed Apply", "started first", "finished first Unknown", "assessed Plan", "gate red"],
            _observer.Events.Where(e => e.StartsWith("assessed", StringComparison.Ordinal) || e.StartsWith("started", StringComparison.Ordinal)
                || e.StartsWith("finished", StringComparison.Ordinal) || e.StartsWith("gate", StringComparison.Ordinal)));
        Assert.Equal([ActionOutcome.Unknown, null], run.Actions.Select(a => a.Outcome));
        Assert.Equal(2, step.Assessments);
    }

    [Fact]
    public async Task A_new_plan_that_asks_again_for_a_change_done_in_this_run_stops_it_nothing_is_done_twice()
    {
        var step = Reconciling(ScriptedStep.Assessment([First, Second]), ScriptedStep.Assessment([First, Second]));
        step.Results["second"] = _ => throw new MaasException(MaasFailure.OutcomeUnknown, "lost");

        var run = await RunAsync(step);

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Equal(["first", "second"], step.Applied);
        Assert.Contains("not confirmed or are done already: first first-subject.", _services.MemoryJournal.Written.Single(e => e.Event == JournalEvent.Reconciled).Detail);
    }

    [Fact]
    public async Task A_backup_done_already_may_be_planned_again_it_changes_nothing()
    {
        var backup = ScriptedStep.Action("backup") with { ChangesNothing = true };
        var step = Reconciling(ScriptedStep.Assessment([backup, First, Second]), ScriptedStep.Assessment([backup, Second]), ScriptedStep.Assessment([]));
        step.Results["first"] = _ => throw new MaasException(MaasFailure.OutcomeUnknown, "lost");

        var run = await RunAsync(step);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(["backup", "first", "backup", "second"], step.Applied);
    }

    [Fact]
    public async Task The_same_change_with_another_value_is_not_what_was_confirmed()
    {
        var step = Reconciling(ScriptedStep.Assessment([ScriptedStep.Action("link", ("ip", "10.0.0.5"))]),
            ScriptedStep.Assessment([ScriptedStep.Action("link", ("ip", "10.0.0.6"))]));
        step.Results["link"] = _ => throw new MaasException(MaasFailure.OutcomeUnknown, "lost");

        var run = await RunAsync(step);

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Equal(["link"], step.Applied);
    }

    [Fact]
    public async Task A_new_plan_the_step_refuses_stops_the_run_with_the_finding_named()
    {
        var step = Reconciling(ScriptedStep.Assessment([First, Second]),
            ScriptedStep.Assessment([Second], true, new Finding(Severity.Fatal, "foreign-nic", "lab-vm", "a NIC of another domain")));
        step.Results["first"] = _ => throw new MaasException(MaasFailure.OutcomeUnknown, "lost");

        var run = await RunAsync(step);

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Equal(["first"], step.Applied);
        Assert.StartsWith("Stopped: first first-subject unknown; re-observed, the new plan is refused (foreign-nic lab-vm).",
            _services.MemoryJournal.Written.Single(e => e.Event == JournalEvent.Reconciled).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconciling_is_bounded_after_three_times_the_run_stops_as_any_failed_action_does()
    {
        var step = Reconciling(ScriptedStep.Assessment([First]));
        step.Results["first"] = _ => throw new MaasException(MaasFailure.OutcomeUnknown, "lost");

        var run = await RunAsync(step);

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Equal(Reconciliation.MaxTimes + 1, step.Applied.Count);
        Assert.Equal(Reconciliation.MaxTimes, _services.MemoryJournal.Written.Count(e => e.Event == JournalEvent.Reconciled));
        Assert.Contains("note Stopped: first first-subject unknown. Nothing after it was started; the next run re-observes.", _observer.Events);
    }

    [Fact]
    public async Task A_step_that_is_not_a_diff_stops_at_once_and_does_not_re_plan()
    {
        var step = new ScriptedStep(ScriptedStep.Assessment([First, Second]), ScriptedStep.Assessment([Second]));
        step.Results["first"] = _ => throw new MaasException(MaasFailure.OutcomeUnknown, "lost");

        var run = await RunAsync(step);

        Assert.Equal(ExitCode.Error, run.ExitCode);
        Assert.Equal(["first"], step.Applied);
        Assert.DoesNotContain(_services.MemoryJournal.Written, e => e.Event == JournalEvent.Reconciled);
    }
}
