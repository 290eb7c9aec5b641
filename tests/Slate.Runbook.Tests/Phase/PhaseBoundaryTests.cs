using Slate.Runbook.Core;
using Slate.Runbook.Phase;
using Slate.Runbook.Ports;
using Slate.Runbook.Tests.Core;

namespace Slate.Runbook.Tests.Phase;

/// <summary>The edges of the phase's sentences and checks: counts at their limits, empty parts, journal entries that only look alike.</summary>
public sealed class PhaseBoundaryTests
{
    private static StepAssessment Red(int lines, params PlannedAction[] actions) => new("maas",
        new StepPlan("h", [], [], actions, [], new Dictionary<string, string>()),
        new GateReport(Enumerable.Range(0, lines).Select(i => new GateLine("ready", false, $"h{i}", "Ready", "absent")).ToList()));

    private static PhaseEntry Entry(StepAssessment assessment, bool mutates = true) =>
        new("5", "reenroll", "reenroll", "slate reenroll", mutates, new ScriptedStep(assessment) { Name = "reenroll" }, [], "reenroll", "Step 5: re-enrolment");

    private static async Task<string> DetailAsync(StepAssessment assessment, bool mutates = true) =>
        (await PhaseStatus.ReadAsync([Entry(assessment, mutates)], CancellationToken.None)).Rows[0].Detail;

    [Fact]
    public async Task Three_changes_are_listed_whole_and_a_fourth_is_elided()
    {
        PlannedAction[] actions = [.. Enumerable.Range(1, 4).Select(i => ScriptedStep.Action($"a{i}"))];

        Assert.Equal("3 change(s) planned: a1 a1-subject, a2 a2-subject, a3 a3-subject", await DetailAsync(Red(1, actions[..3])));
        Assert.Equal("4 change(s) planned: a1 a1-subject, a2 a2-subject, a3 a3-subject, …", await DetailAsync(Red(1, actions)));
    }

    [Fact]
    public async Task One_red_line_is_named_whole_and_more_are_elided()
    {
        Assert.Equal("1 gate line(s) red: ready h0: absent", await DetailAsync(Red(1)));
        Assert.Equal("2 gate line(s) red: ready h0: absent, …", await DetailAsync(Red(2)));
    }

    [Fact]
    public async Task A_read_only_step_without_gate_lines_and_without_fatal_findings_is_green_saying_so()
    {
        Assert.Equal("no fatal findings", await DetailAsync(Red(0), mutates: false));
    }

    [Fact]
    public async Task Four_red_lines_are_all_named_in_an_order_refusal()
    {
        var before = new Prerequisite("slate reenroll", new ScriptedStep(Red(4)) { Name = "reenroll" }, StepRequirement.Gate("reenroll"));

        var finding = Assert.Single((await PhaseOrder.CheckAsync(Red(0, ScriptedStep.Action("x")), [before], CancellationToken.None)).Plan.Findings);

        Assert.EndsWith("ready h3: absent)", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("more", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exit_gate_names_the_first_maas_a_part_checked_skipping_parts_that_check_none()
    {
        StepAssessment Named(string maasName) => new(maasName, new StepPlan("h", [], [], [], [], new Dictionary<string, string>()), GateReport.None);
        var exit = new ExitGateStep([
            new PhaseEntry("7b", "bundle", "bundle check", "slate bundle check", false, new ScriptedStep(Named("")), [], "bundle gate", "Step 7b: bundle gate"),
            new PhaseEntry("2", "teardown", "teardown", "slate teardown", true, new ScriptedStep(Named("caracal")), [], "teardown", "Step 2: teardown"),
            new PhaseEntry("3", "networks", "networks prune", "slate networks prune", true, new ScriptedStep(Named("other")), [], "networks", "Step 3: stale networks"),
        ]);

        Assert.Equal("caracal", (await exit.AssessAsync(CancellationToken.None)).MaasName);
    }
}
