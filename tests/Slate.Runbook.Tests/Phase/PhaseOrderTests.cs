using Slate.Runbook.Core;
using Slate.Runbook.Phase;
using Slate.Runbook.StaleNetworks;
using Slate.Runbook.Tests.AfterTeardown;
using Slate.Runbook.Tests.Core;

namespace Slate.Runbook.Tests.Phase;

public sealed class PhaseOrderTests
{
    private static readonly PlannedAction Change = ScriptedStep.Action("change");

    private static StepAssessment Gate(params (string Code, string Subject, bool Holds)[] lines) =>
        new("maas", new StepPlan("h", [], [], [], [], new Dictionary<string, string>()),
            new GateReport(lines.Select(l => new GateLine(l.Code, l.Holds, l.Subject, "x", l.Holds ? "x" : "observed")).ToList()));

    private static Prerequisite Before(StepAssessment gate, params string[] codes) =>
        new("slate teardown", new ScriptedStep(gate) { Name = "teardown" }, new StepRequirement("teardown", codes));

    [Fact]
    public async Task A_step_with_changes_is_refused_naming_the_step_before_and_its_red_lines()
    {
        var before = Before(Gate(("host-gone", "h1", false), ("domain-off", "h2", false), ("orphan-gone", "o1", false)), "host-gone", "domain-off");

        var checkedPlan = (await PhaseOrder.CheckAsync(ScriptedStep.Assessment([Change]), [before], CancellationToken.None)).Plan;

        var finding = Assert.Single(checkedPlan.Findings);
        Assert.Equal((Severity.Precondition, PhaseOrder.Code, "teardown"), (finding.Severity, finding.Code, finding.Subject));
        Assert.Equal("`slate teardown` must come first: its gate does not hold yet (host-gone h1: observed, domain-off h2: observed)", finding.Message);
        Assert.True(checkedPlan.HasUnmetPrecondition);
    }

    [Fact]
    public async Task Lines_outside_the_requirement_do_not_refuse()
    {
        var before = Before(Gate(("host-gone", "h1", true), ("orphan-gone", "o1", false)), "host-gone");
        var assessment = ScriptedStep.Assessment([Change]);

        Assert.Same(assessment, await PhaseOrder.CheckAsync(assessment, [before], CancellationToken.None));
    }

    [Fact]
    public async Task A_step_with_nothing_to_do_is_never_refused_and_the_step_before_is_not_even_read()
    {
        var step = new ScriptedStep(Gate(("host-gone", "h1", false))) { Name = "teardown" };
        var assessment = ScriptedStep.Assessment([]);

        var result = await PhaseOrder.CheckAsync(assessment, [new Prerequisite("slate teardown", step, StepRequirement.Gate("teardown"))], CancellationToken.None);

        Assert.Same(assessment, result);
        Assert.Equal(0, step.Assessments);
    }

    [Fact]
    public async Task Five_red_lines_are_summarised_after_four()
    {
        var before = Before(Gate([.. Enumerable.Range(0, 6).Select(i => ("ready", $"h{i}", false))]));

        var finding = Assert.Single((await PhaseOrder.CheckAsync(ScriptedStep.Assessment([Change]), [before], CancellationToken.None)).Plan.Findings);

        Assert.EndsWith("ready h3: observed and 2 more)", finding.Message, StringComparison.Ordinal);
        Assert.Equal("6 line(s) red", finding.Observed);
    }

    [Theory]
    [InlineData(RunMode.Plan)]
    [InlineData(RunMode.Apply)]
    public async Task The_runner_holds_a_runbook_step_to_the_order_without_being_told_and_changes_nothing(RunMode mode)
    {
        var world = new AfterTeardownWorld();
        world.Enrol("openstack1");

        var run = await world.RunAsync(new StaleNetworksStep(world.Services), mode);

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        var finding = Assert.Single(run.Assessment.Plan.Findings);
        Assert.Equal((Severity.Precondition, PhaseOrder.Code, "teardown"), (finding.Severity, finding.Code, finding.Subject));
        Assert.Empty(world.Services.MemoryJournal.Written);
        Assert.Empty(world.Observer.Asked);
    }

    [Fact]
    public async Task The_gate_command_never_checks_the_order()
    {
        var world = new AfterTeardownWorld();
        world.Enrol("openstack1");

        var run = await world.RunAsync(new StaleNetworksStep(world.Services), RunMode.Gate);

        Assert.DoesNotContain(run.Assessment.Plan.Findings, f => f.Code == PhaseOrder.Code);
        Assert.Equal(ExitCode.GateRed, run.ExitCode);
    }
}
