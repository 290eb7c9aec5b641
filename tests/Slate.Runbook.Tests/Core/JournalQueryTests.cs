using Slate.Runbook.Ports;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Core;

/// <summary>IJournal's one query of a step's past: the plans it applied to a cloud, and the last of them.</summary>
public sealed class JournalQueryTests
{
    private static readonly Dictionary<string, string> First = new() { ["host:a"] = "1" };
    private static readonly Dictionary<string, string> Second = new() { ["host:a"] = "2" };

    [Fact]
    public void The_applied_plans_are_the_steps_plan_entries_of_that_cloud_oldest_first_and_the_last_is_the_latest()
    {
        IJournal journal = new MemoryJournal();
        var at = DateTimeOffset.UnixEpoch;
        journal.Append(new JournalEntry(at, "lab", "teardown", JournalEvent.Plan, "f1", Arguments: First, Run: "r1"));
        journal.Append(new JournalEntry(at.AddMinutes(1), "lab", "teardown", JournalEvent.Started, "f1", Arguments: Second, Run: "r1"));
        journal.Append(new JournalEntry(at.AddMinutes(2), "elsewhere", "teardown", JournalEvent.Plan, "f2", Arguments: Second, Run: "r2"));
        journal.Append(new JournalEntry(at.AddMinutes(3), "lab", "osd", JournalEvent.Plan, "f3", Arguments: Second, Run: "r3"));
        journal.Append(new JournalEntry(at.AddMinutes(4), "lab", "teardown", JournalEvent.Plan, "f4", Run: "r4"));

        var plans = journal.AppliedPlans("lab", "teardown");

        Assert.Equal([("r1", "f1", at), ("r4", "f4", at.AddMinutes(4))], plans.Select(p => (p.Run, p.Fingerprint, p.Time)));
        Assert.Equal(First, plans[0].Baseline);
        Assert.Empty(plans[1].Baseline);
        Assert.Equal("r4", journal.LastAppliedPlan("lab", "teardown")!.Run);
        Assert.Null(journal.LastAppliedPlan("lab", "networks"));
    }
}
