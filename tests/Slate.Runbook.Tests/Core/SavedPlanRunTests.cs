using Slate.Runbook.Core;
using Slate.Runbook.Ports;

namespace Slate.Runbook.Tests.Core;

/// <summary>`slate apply PLAN` as the runner sees it: re-made from live state, refused when anything changed or when used before.</summary>
public sealed class SavedPlanRunTests
{
    private static readonly PlannedAction First = ScriptedStep.Action("first", ("host", "h1"));
    private readonly Support.TestServices _services = StepRunnerWorld.Services();
    private readonly RecordingObserver _observer = new();

    private static StepAssessment Observed(string status, params PlannedAction[] actions) => new("maas",
        new StepPlan("h", [new ReportTable("targets", ["hostname", "status"], [["h1", status]])], [], actions, [], new Dictionary<string, string>()),
        new GateReport([new GateLine("cond", actions.Length == 0, "thing", "right", "x")]));

    private static SavedPlan SavedFrom(StepAssessment assessment, string id = "0011223344556677") => SavedPlan.Of(id, "scripted", "caracal-testcloud", "maas",
        DateTimeOffset.UnixEpoch, "alice@jump", new Dictionary<string, IReadOnlyList<string>>(), assessment.Plan);

    private Task<StepRun> ApplyAsync(ScriptedStep step, SavedPlan saved, string? approval = null, params string[] confirmations) =>
        new StepRunner(_services, _observer, new Interruption(), confirmations) { Saved = saved, Approval = approval }.RunAsync(step, RunMode.Apply);

    private List<string> Journalled() => _services.MemoryJournal.Written.Select(e => $"{e.Event.Word()} {e.Detail}").ToList();

    [Fact]
    public async Task A_plan_whose_objects_are_unchanged_is_applied_once_and_its_id_journalled()
    {
        var planned = Observed("Deployed", First);
        var step = new ScriptedStep(planned, Observed("gone"));

        var run = await ApplyAsync(step, SavedFrom(planned), confirmations: "openstack");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Equal(["first"], step.Applied);
        Assert.Equal([JournalEvent.Confirmed, JournalEvent.SavedPlan, JournalEvent.Plan], _services.MemoryJournal.Written.Take(3).Select(e => e.Event));
        Assert.Equal(("0011223344556677", planned.Plan.Fingerprint), (_services.MemoryJournal.Written[1].Detail, _services.MemoryJournal.Written[1].Fingerprint));
    }

    [Fact]
    public async Task A_plan_applied_before_is_refused_even_when_the_cloud_is_back_where_it_was()
    {
        var planned = Observed("Deployed", First);
        var saved = SavedFrom(planned);
        _services.MemoryJournal.Append(new JournalEntry(DateTimeOffset.UnixEpoch, "caracal-testcloud", "scripted", JournalEvent.SavedPlan, saved.Fingerprint,
            Detail: saved.Id, By: "bob@jump"));
        var step = new ScriptedStep(planned);

        var run = await ApplyAsync(step, saved, confirmations: "openstack");

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Empty(step.Applied);
        Assert.Contains(_observer.Events, e => e.StartsWith("note Refused: plan 0011223344556677 was applied already (1970-01-01 00:00:00Z by bob@jump): a saved plan is used once", StringComparison.Ordinal));
        Assert.Equal(JournalEvent.Refused, _services.MemoryJournal.Written[^1].Event);
    }

    [Fact]
    public async Task A_changed_object_refuses_the_plan_naming_what_changed()
    {
        var step = new ScriptedStep(Observed("Ready", First));

        var run = await ApplyAsync(step, SavedFrom(Observed("Deployed", First)), confirmations: "openstack");

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Empty(step.Applied);
        Assert.Contains(_observer.Events, e => e.StartsWith("note Refused: the cloud changed since plan 0011223344556677 was made (1970-01-01 00:00:00Z): 1 object(s) differ; nothing was changed.", StringComparison.Ordinal));
        Assert.Contains("note   changed: targets / h1: status=Deployed → status=Ready", _observer.Events);
        Assert.Equal(["refused saved plan 0011223344556677: the cloud changed since plan 0011223344556677 was made (1970-01-01 00:00:00Z): 1 object(s) differ"], Journalled());
    }

    [Fact]
    public async Task Different_actions_from_the_same_objects_refuse_the_plan()
    {
        var step = new ScriptedStep(Observed("Deployed", ScriptedStep.Action("first", ("host", "h2"))));

        var run = await ApplyAsync(step, SavedFrom(Observed("Deployed", First)), confirmations: "openstack");

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Contains(_observer.Events, e => e.Contains("0 object(s) differ; its actions are not the saved ones", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plan_with_nothing_left_to_do_is_refused_as_changed_not_reported_as_done()
    {
        var planned = Observed("Deployed", First);
        var step = new ScriptedStep(Observed("Deployed"));

        var run = await ApplyAsync(step, SavedFrom(planned), confirmations: "openstack");

        Assert.Equal(ExitCode.Refused, run.ExitCode);
    }

    [Fact]
    public async Task The_saved_plans_sealed_fingerprint_stands_for_the_typed_confirmation_and_the_actions_print_does_not()
    {
        var planned = Observed("Deployed", First);
        var saved = SavedFrom(planned);
        var step = new ScriptedStep(planned, Observed("gone"));

        var actionsOnly = await ApplyAsync(new ScriptedStep(planned), saved, approval: planned.Plan.Fingerprint);
        var run = await ApplyAsync(step, saved, approval: saved.Fingerprint);

        Assert.Equal((ExitCode.Refused, ExitCode.Ok), (actionsOnly.ExitCode, run.ExitCode));
        Assert.NotEqual(planned.Plan.Fingerprint, saved.Fingerprint);
        Assert.Empty(_observer.Asked);
        Assert.Equal($"confirmed approved plan {saved.Fingerprint} (--approve) for: everything", Journalled().Single(j => j.StartsWith("confirmed", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("flags")]
    [InlineData("actions")]
    public async Task A_plan_file_edited_after_it_was_made_is_refused_before_anything_else(string edited)
    {
        var planned = Observed("Deployed", First);
        var saved = SavedFrom(planned);
        var tampered = edited switch
        {
            "id" => saved with { Id = "ffffffffffffffff" },
            "flags" => saved with { Arguments = new Dictionary<string, IReadOnlyList<string>> { ["wait"] = ["1s"] } },
            _ => saved with { Actions = [ScriptedStep.Action("first", ("host", "h2"))] },
        };
        var step = new ScriptedStep(planned);

        var run = await ApplyAsync(step, tampered, approval: saved.Fingerprint);

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Empty(step.Applied);
        Assert.Contains($"note Refused: plan {tampered.Id} was edited after it was made: its id, flags or actions no longer give its fingerprint {saved.Fingerprint}; make a new one; nothing was changed.", _observer.Events);
    }

    [Fact]
    public async Task Another_fingerprint_is_refused_and_nothing_is_asked_or_applied()
    {
        var planned = Observed("Deployed", First);
        var step = new ScriptedStep(planned);

        var run = await ApplyAsync(step, SavedFrom(planned), approval: "ffffffffffffffff");

        Assert.Equal(ExitCode.Refused, run.ExitCode);
        Assert.Empty(step.Applied);
        Assert.Empty(_observer.Asked);
        Assert.Contains($"note Refused: --approve ffffffffffffffff is not this plan's fingerprint ({SavedFrom(planned).Fingerprint}); nothing was changed.", _observer.Events);
        Assert.DoesNotContain(_services.MemoryJournal.Written, e => e.Event == JournalEvent.SavedPlan);
    }

    [Fact]
    public async Task A_refused_confirmation_does_not_use_the_plan_up()
    {
        var planned = Observed("Deployed", First);
        var saved = SavedFrom(planned);

        var refused = await ApplyAsync(new ScriptedStep(planned), saved, confirmations: "wrong");
        var accepted = await ApplyAsync(new ScriptedStep(planned, Observed("gone")), saved, confirmations: "openstack");

        Assert.Equal((ExitCode.Refused, ExitCode.Ok), (refused.ExitCode, accepted.ExitCode));
    }
}
