using Slate.Runbook.Core;

namespace Slate.Runbook.Tests.Core;

public sealed class PlanFingerprintTests
{
    private static StepPlan Plan(params PlannedAction[] actions) => new("h", [], [], actions, [], new Dictionary<string, string>());

    private static PlannedAction Delete(string id) => new("delete-machine", "capi-mgmt", "anything", new Dictionary<string, string> { ["system_id"] = id });

    [Fact]
    public void The_same_actions_on_the_same_objects_give_the_same_print()
    {
        Assert.Equal(Plan(Delete("abc123")).Fingerprint, Plan(Delete("abc123")).Fingerprint);
        Assert.Matches("^[0-9a-f]{16}$", Plan(Delete("abc123")).Fingerprint);
    }

    [Fact]
    public void Another_object_another_order_or_another_kind_changes_the_print()
    {
        var print = Plan(Delete("abc123"), Delete("def456")).Fingerprint;
        Assert.NotEqual(print, Plan(Delete("abc123"), Delete("xyz789")).Fingerprint);
        Assert.NotEqual(print, Plan(Delete("def456"), Delete("abc123")).Fingerprint);
        Assert.NotEqual(print, Plan(Delete("abc123")).Fingerprint);
        Assert.NotEqual(Plan(Delete("abc123")).Fingerprint, Plan(Delete("abc123") with { Kind = "release" }).Fingerprint);
        Assert.NotEqual(Plan(Delete("abc123")).Fingerprint, Plan(Delete("abc123") with { Subject = "other" }).Fingerprint);
    }

    [Fact]
    public void The_description_is_for_people_and_does_not_change_the_print() =>
        Assert.Equal(Plan(Delete("a")).Fingerprint, Plan(Delete("a") with { Description = "reworded" }).Fingerprint);
}
