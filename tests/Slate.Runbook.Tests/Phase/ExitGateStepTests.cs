using Slate.Runbook.Core;
using Slate.Runbook.Phase;
using Slate.Runbook.Tests.Core;

namespace Slate.Runbook.Tests.Phase;

public sealed class ExitGateStepTests
{
    private static PhaseEntry Part(string number, string title, StepAssessment assessment, bool mutates = true) =>
        new(number, title, title, "slate " + title, mutates, new ScriptedStep(assessment) { Name = title }, [], title, $"Step {number}: {title}");

    [Fact]
    public async Task Every_part_gate_line_is_one_line_named_by_its_step_and_fatal_findings_are_red_lines()
    {
        var fatal = new Finding(Severity.Fatal, "vip", "keystone", "three planes expected", "3 addresses", "2 addresses");
        var exit = new ExitGateStep([
            Part("2", "teardown", ScriptedStep.Assessment([], gateHolds: true)),
            Part("7b", "bundle check", ScriptedStep.Assessment([], gateHolds: true, fatal), mutates: false),
        ]);

        var assessment = await exit.AssessAsync(CancellationToken.None);

        Assert.Equal(ExitGateStep.StepName, exit.Name);
        Assert.Equal("maas", assessment.MaasName);
        Assert.Equal(
            [("cond", true, "teardown: thing"), ("cond", true, "bundle check: thing"), ("vip", false, "bundle check: keystone")],
            assessment.Gate.Lines.Select(l => (l.Code, l.Holds, l.Subject)));
        Assert.Equal(("3 addresses", "2 addresses"), (assessment.Gate.Lines[2].Expected, assessment.Gate.Lines[2].Observed));
        Assert.False(assessment.Gate.Green);
        Assert.Equal([["2", "teardown", "green"], ["7b", "bundle check", "RED (1 of 2)"]], assessment.Plan.Tables[0].Rows);
        Assert.Empty(assessment.Plan.Actions);
    }

    [Fact]
    public async Task All_parts_green_make_the_exit_gate_green_and_a_runner_gate_exit_0()
    {
        var exit = new ExitGateStep([Part("3", "networks", ScriptedStep.Assessment([])), Part("4", "osd", ScriptedStep.Assessment([]))]);

        var run = await new StepRunner(StepRunnerWorld.Services(), new RecordingObserver(), new Interruption(), []).RunAsync(exit, RunMode.Gate);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(2, run.Gate!.Lines.Count);
    }

    [Fact]
    public async Task One_red_line_anywhere_makes_the_exit_gate_red()
    {
        var exit = new ExitGateStep([Part("3", "networks", ScriptedStep.Assessment([])), Part("5", "reenroll", ScriptedStep.Assessment([], gateHolds: false))]);

        var run = await new StepRunner(StepRunnerWorld.Services(), new RecordingObserver(), new Interruption(), []).RunAsync(exit, RunMode.Gate);

        Assert.Equal(ExitCode.GateRed, run.ExitCode);
        Assert.Equal("reenroll: thing", Assert.Single(run.Gate!.Lines, l => !l.Holds).Subject);
    }

    [Fact]
    public async Task The_exit_gate_has_nothing_to_apply()
    {
        var exit = new ExitGateStep([]);

        Assert.Null(exit.ConfirmationFor(ScriptedStep.Assessment([]).Plan));
        await Assert.ThrowsAsync<InvalidOperationException>(() => exit.ApplyAsync(ScriptedStep.Action("x"), null!, CancellationToken.None));
    }
}
