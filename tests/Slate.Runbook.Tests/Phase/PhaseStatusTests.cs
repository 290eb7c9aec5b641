using Slate.Runbook.Core;
using Slate.Runbook.Phase;
using Slate.Runbook.Tests.Core;

namespace Slate.Runbook.Tests.Phase;

public sealed class PhaseStatusTests
{
    private static readonly PlannedAction Change = ScriptedStep.Action("change");

    private static PhaseEntry Entry(string number, string name, StepAssessment assessment, bool mutates = true, params StepRequirement[] after) =>
        new(number, name, name, "slate " + name, mutates, new ScriptedStep(assessment) { Name = name }, after, name, $"Step {number}: {name}");

    private static StepAssessment Gate(params (string Code, bool Holds)[] lines) =>
        new("maas", new StepPlan("h", [], [], [], [], new Dictionary<string, string>()),
            new GateReport(lines.Select(l => new GateLine(l.Code, l.Holds, "host0", "x", l.Holds ? "x" : "y")).ToList()));

    private static async Task<PhaseReport> ReadAsync(params PhaseEntry[] entries) => await PhaseStatus.ReadAsync(entries, CancellationToken.None);

    [Fact]
    public async Task The_next_step_is_the_first_that_is_not_green_and_later_ones_wait_naming_the_step_before()
    {
        var report = await ReadAsync(
            Entry("1", "preflight", ScriptedStep.Assessment([]), mutates: false),
            Entry("2", "teardown", ScriptedStep.Assessment([Change], gateHolds: false)),
            Entry("3", "networks", ScriptedStep.Assessment([Change], gateHolds: false), after: StepRequirement.Gate("teardown")));

        Assert.Equal([PhaseState.Green, PhaseState.Ready, PhaseState.Waiting], report.Rows.Select(r => r.State));
        Assert.Equal("teardown", report.Next!.Entry.Name);
        Assert.Equal("1 change(s) planned: change change-subject", report.Rows[1].Detail);
        Assert.Equal("after `slate teardown` (1 gate line(s) red: cond thing: wrong)", report.Rows[2].Detail);
    }

    [Fact]
    public async Task A_requirement_on_some_codes_ignores_the_other_red_lines_of_the_step_before()
    {
        var report = await ReadAsync(
            Entry("2", "teardown", Gate(("host-gone", true), ("orphan-gone", false))),
            Entry("3", "networks", ScriptedStep.Assessment([Change], gateHolds: false), after: StepRequirement.Lines("teardown", "host-gone")),
            Entry("4", "osd", ScriptedStep.Assessment([Change], gateHolds: false), after: StepRequirement.Lines("teardown", "orphan-gone")));

        Assert.Equal(PhaseState.Red, report.Rows[0].State);
        Assert.Equal(PhaseState.Ready, report.Rows[1].State);
        Assert.Equal(PhaseState.Waiting, report.Rows[2].State);
        Assert.Equal("1 gate line(s) red: orphan-gone host0: y", report.Rows[0].Detail);
    }

    [Fact]
    public async Task A_requirement_on_a_step_held_by_several_rows_waits_on_any_of_them()
    {
        var report = await ReadAsync(
            Entry("6", "carve", ScriptedStep.Assessment([])),
            Entry("6", "carve", ScriptedStep.Assessment([Change], gateHolds: false)),
            Entry("7a", "standup", ScriptedStep.Assessment([], gateHolds: false), mutates: false, after: StepRequirement.Gate("carve")));

        Assert.Equal([PhaseState.Green, PhaseState.Ready, PhaseState.Waiting], report.Rows.Select(r => r.State));
    }

    [Fact]
    public async Task Fatal_findings_make_a_step_red_and_a_precondition_makes_it_wait()
    {
        var fatal = new Finding(Severity.Fatal, "boom", "host1", "it broke");
        var precondition = new Finding(Severity.Precondition, "hosts-present", "host1", "the hosts must leave MAAS first");

        var report = await ReadAsync(
            Entry("2", "teardown", ScriptedStep.Assessment([Change], gateHolds: false, fatal)),
            Entry("3", "networks", ScriptedStep.Assessment([Change], gateHolds: false, precondition)),
            Entry("7a", "standup", ScriptedStep.Assessment([], gateHolds: true, fatal), mutates: false));

        Assert.Equal((PhaseState.Red, "1 fatal finding(s): boom host1: it broke"), (report.Rows[0].State, report.Rows[0].Detail));
        Assert.Equal((PhaseState.Waiting, "the hosts must leave MAAS first"), (report.Rows[1].State, report.Rows[1].Detail));
        Assert.Equal(PhaseState.Red, report.Rows[2].State);
    }

    [Fact]
    public async Task A_green_gate_with_changes_still_to_make_is_ready_and_everything_green_has_no_next_step()
    {
        var ready = await ReadAsync(Entry("6", "carve", ScriptedStep.Assessment([Change], gateHolds: true)));
        var done = await ReadAsync(Entry("6", "carve", ScriptedStep.Assessment([])), Entry("7a", "standup", ScriptedStep.Assessment([]), mutates: false));

        Assert.Equal(PhaseState.Ready, ready.Rows[0].State);
        Assert.Null(done.Next);
        Assert.Equal("gate holds (1 line(s))", done.Rows[0].Detail);
    }

    [Fact]
    public async Task A_read_only_step_is_judged_on_its_gate_never_on_actions()
    {
        var report = await ReadAsync(Entry("7b", "bundle", ScriptedStep.Assessment([Change], gateHolds: true), mutates: false));

        Assert.Equal(PhaseState.Green, report.Rows[0].State);
    }
}
