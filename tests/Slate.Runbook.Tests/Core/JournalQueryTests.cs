using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Core;

/// <summary>IJournal's queries of a step's past: the plans it applied to a cloud, the last of them, and a change an earlier run left in doubt.</summary>
public sealed class JournalQueryTests
{
    private static readonly Dictionary<string, string> First = new() { ["host:a"] = "1" };
    private static readonly Dictionary<string, string> Second = new() { ["host:a"] = "2" };

    [Fact]
    public void The_applied_plans_are_the_steps_plan_entries_of_that_cloud_oldest_first_and_the_last_is_the_latest()
    {
        var journal = new MemoryJournal();
        var at = DateTimeOffset.UnixEpoch;
        journal.Append(new JournalEntry(at, "lab", "teardown", JournalEvent.Plan, "f1", Arguments: First, Run: "r1"));
        journal.Append(new JournalEntry(at.AddMinutes(1), "lab", "teardown", JournalEvent.Started, "f1", Arguments: Second, Run: "r1"));
        journal.AppendApplied(new JournalEntry(at.AddMinutes(2), "elsewhere", "teardown", JournalEvent.Plan, "f2", Arguments: Second, Run: "r2"));
        journal.AppendApplied(new JournalEntry(at.AddMinutes(3), "lab", "osd", JournalEvent.Plan, "f3", Arguments: Second, Run: "r3"));
        journal.AppendApplied(new JournalEntry(at.AddMinutes(4), "lab", "teardown", JournalEvent.Plan, "f4", Run: "r4"));
        IJournal query = journal;

        var plans = query.AppliedPlans("lab", "teardown");

        Assert.Equal([("r1", "f1", at), ("r4", "f4", at.AddMinutes(4))], plans.Select(p => (p.Run, p.Fingerprint, p.Time)));
        Assert.Equal(First, plans[0].Baseline);
        Assert.Empty(plans[1].Baseline);
        Assert.Equal("r4", query.LastAppliedPlan("lab", "teardown")!.Run);
        Assert.Null(query.LastAppliedPlan("lab", "networks"));
    }

    [Fact]
    public void A_plan_line_whose_run_never_started_an_action_moves_no_baseline()
    {
        var journal = new MemoryJournal();
        var at = DateTimeOffset.UnixEpoch;
        journal.AppendApplied(new JournalEntry(at, "lab", "reenroll", JournalEvent.Plan, "f1", Arguments: First, Run: "r1"));
        journal.Append(new JournalEntry(at.AddMinutes(1), "lab", "reenroll", JournalEvent.Plan, "f9", Arguments: Second, Run: "forged"));
        journal.Append(new JournalEntry(at.AddMinutes(2), "lab", "reenroll", JournalEvent.Plan, "f1", Arguments: Second));
        IJournal query = journal;

        Assert.Equal(First, query.LastBaseline("lab", "reenroll").Values);
        Assert.Equal(["r1"], query.AppliedPlans("lab", "reenroll").Select(p => p.Run));
    }

    [Fact]
    public void An_entry_from_before_runs_had_ids_counts_by_its_step_and_fingerprint()
    {
        var journal = new MemoryJournal();
        var at = DateTimeOffset.UnixEpoch;
        journal.Append(new JournalEntry(at, "lab", "teardown", JournalEvent.Plan, "old", Arguments: First));
        journal.Append(new JournalEntry(at.AddMinutes(1), "lab", "teardown", JournalEvent.Started, "old"));
        journal.Append(new JournalEntry(at.AddMinutes(2), "lab", "teardown", JournalEvent.Plan, "lone", Arguments: Second));
        IJournal query = journal;

        Assert.Equal([("old", at)], query.AppliedPlans("lab", "teardown").Select(p => (p.Fingerprint!, p.Time)));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(JournalEvent.Unknown, true)]
    [InlineData(JournalEvent.Done, false)]
    [InlineData(JournalEvent.Failed, false)]
    public void A_change_an_earlier_run_started_is_in_doubt_until_that_run_journalled_how_it_ended(JournalEvent? ended, bool inDoubt)
    {
        var journal = new MemoryJournal();
        var at = DateTimeOffset.UnixEpoch;
        var delete = PlannedAction.Of("delete-machine", "capi-mgmt", "DELETE capi-mgmt", ("system_id", "abc123"));
        JournalEntry E(JournalEvent what, string run) => new(at, "lab", "teardown", what, "f1", delete.Kind, delete.Subject, delete.Arguments, Run: run);
        journal.Append(E(JournalEvent.Started, "r1"));
        if (ended is { } outcome)
            journal.Append(E(outcome, "r1"));
        journal.Append(E(JournalEvent.Started, "r2"));
        IJournal query = journal;

        Assert.Equal(inDoubt, query.EarlierInDoubt("lab", "teardown", delete));
    }

    [Fact]
    public void A_change_no_earlier_run_started_or_another_change_in_doubt_is_not_in_doubt()
    {
        var journal = new MemoryJournal();
        var at = DateTimeOffset.UnixEpoch;
        var delete = PlannedAction.Of("delete-machine", "capi-mgmt", "", ("system_id", "abc123"));
        var other = PlannedAction.Of("delete-machine", "capi-mgmt", "", ("system_id", "zzz999"));
        journal.Append(new JournalEntry(at, "lab", "teardown", JournalEvent.Started, "f1", other.Kind, other.Subject, other.Arguments, Run: "r1"));
        journal.Append(new JournalEntry(at, "other-cloud", "teardown", JournalEvent.Started, "f1", delete.Kind, delete.Subject, delete.Arguments, Run: "r1"));
        journal.Append(new JournalEntry(at, "lab", "teardown", JournalEvent.Started, "f1", delete.Kind, delete.Subject, delete.Arguments, Run: "r2"));
        IJournal query = journal;

        Assert.False(query.EarlierInDoubt("lab", "teardown", delete));
    }
}
