using Slate.Runbook.Core;
using Slate.Runbook.Ports;

namespace Slate.Runbook.Tests.Core;

/// <summary>What counts as a saved plan used before, what the objects of a plan are at their edges, and the approval's note.</summary>
public sealed class SavedPlanEdgeTests
{
    private static readonly StepPlan Plan = new("h", [new ReportTable("targets", ["hostname", "status"], [["h1", "Deployed"]])], [],
        [ScriptedStep.Action("first")], [], new Dictionary<string, string>());

    private static SavedPlan Saved => SavedPlan.Of("0011223344556677", "scripted", "caracal-testcloud", "maas", DateTimeOffset.UnixEpoch, "alice@jump",
        new Dictionary<string, IReadOnlyList<string>>(), Plan);

    private static JournalEntry Entry(string cloud, JournalEvent what, string? detail) => new(DateTimeOffset.UnixEpoch, cloud, "scripted", what, Detail: detail);

    [Fact]
    public void Only_a_saved_plan_entry_of_the_same_cloud_with_the_same_id_uses_the_plan_up()
    {
        Assert.Null(Saved.RefusalFor(Plan, [
            Entry("caracal-testcloud", JournalEvent.Refused, "0011223344556677"),
            Entry("caracal-testcloud", JournalEvent.SavedPlan, "ffffffffffffffff"),
            Entry("elsewhere", JournalEvent.SavedPlan, "0011223344556677"),
        ]));
        Assert.NotNull(Saved.RefusalFor(Plan, [Entry("caracal-testcloud", JournalEvent.SavedPlan, "0011223344556677")]));
    }

    [Fact]
    public void Rows_that_share_a_first_cell_are_numbered_and_an_empty_row_is_still_an_object()
    {
        var objects = PlanBasis.Of(new StepPlan("h", [new ReportTable("t", ["name", "state"], [["a", "1"], ["a", "2"], ["a", "3"], []])], [], [], [],
            new Dictionary<string, string>()));

        Assert.Equal(["t (title)", "t / ", "t / a", "t / a #2", "t / a #3"], objects.Keys);
        Assert.Equal("state=3", objects["t / a #3"]);
    }

    [Fact]
    public void New_objects_are_listed_in_key_order()
    {
        var now = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" };

        Assert.Equal(["a: new (1)", "b: new (2)"], PlanBasis.Changes(new Dictionary<string, string>(), now));
    }

    [Fact]
    public async Task An_approval_says_what_it_stands_for()
    {
        var observer = new RecordingObserver();
        var step = new ScriptedStep(new StepAssessment("maas", Plan, GateReport.None), new StepAssessment("maas", Plan with { Actions = [] }, GateReport.None));

        await new StepRunner(StepRunnerWorld.Services(), observer, new Interruption(), []) { Saved = Saved, Approval = Saved.Fingerprint }.RunAsync(step, RunMode.Apply);

        Assert.Contains($"note Approved: --approve {Saved.Fingerprint} is this plan's fingerprint; it stands for typing 'openstack'.", observer.Events);
    }
}
