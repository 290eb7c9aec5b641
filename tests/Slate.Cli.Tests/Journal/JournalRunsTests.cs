using Slate.Cli.Journal;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;

namespace Slate.Cli.Tests.Journal;

/// <summary>
/// Where one run of a step ends and the next begins, for the entry sequences StepRunner writes (see its
/// ConfirmAsync, ApplyOneAsync, Interrupted and Finish): the second confirmation of a lingering teardown, a refused one,
/// a crash, and the same plan applied again.
/// </summary>
public sealed class JournalRunsTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    private static JournalEntry E(string step, string what, string? action = null, string fingerprint = "f1") =>
        new(At, "lab", step, JournalEvents.TryParse(what, out var word) ? word : throw new ArgumentException(what), fingerprint, action, action is null ? null : "m1", Detail: what switch
        {
            "refused" => "confirmation did not match 'x'",
            "gate" => "green",
            "interrupted" => "stopped",
            "capture" => "/run/file",
            _ => null,
        });

    private static string Shape(IReadOnlyList<JournalRun> runs) =>
        string.Join(" / ", runs.Select(r => $"{r.Step}: {r.Confirmations.Count}c {string.Join(",", r.Actions.Select(a => $"{a.Kind}={a.Outcome ?? "?"}"))} → {r.Ending}"));

    [Fact]
    public void A_second_confirmation_inside_a_run_and_its_refusal_stay_in_that_run()
    {
        var runs = JournalRuns.Group(
        [
            E("teardown", "confirmed"), E("teardown", "plan"), E("teardown", "started", "destroy"), E("teardown", "done", "destroy"),
            E("teardown", "confirmed"), E("teardown", "started", "force"), E("teardown", "done", "force"), E("teardown", "gate"),
            E("teardown", "confirmed"), E("teardown", "plan"), E("teardown", "started", "destroy"), E("teardown", "done", "destroy"),
            E("teardown", "refused"), E("teardown", "gate"),
        ]);

        Assert.Equal("teardown: 2c destroy=done,force=done → gate green / teardown: 2c destroy=done → gate green", Shape(runs));
        Assert.False(runs[1].Confirmations[1].Confirmed);
    }

    [Fact]
    public void A_crash_mid_action_ends_its_run_in_doubt_and_the_same_plan_applied_again_is_a_new_run()
    {
        var runs = JournalRuns.Group(
        [
            E("osd", "confirmed"), E("osd", "plan"), E("osd", "started", "wipe"), E("osd", "capture", "wipe"),
            E("osd", "confirmed"), E("osd", "plan"), E("osd", "started", "wipe"), E("osd", "done", "wipe"), E("osd", "gate"),
        ]);

        Assert.Equal($"osd: 1c wipe=? → {JournalRun.InDoubtText} / osd: 1c wipe=done → gate green", Shape(runs));
        Assert.Equal(["/run/file"], runs[0].Captures);
    }

    [Fact]
    public void A_saved_plan_applied_after_a_crash_opens_a_run_of_its_own_that_names_it()
    {
        var runs = JournalRuns.Group(
        [
            E("osd", "confirmed"), E("osd", "plan"), E("osd", "started", "wipe"),
            E("osd", "confirmed"), new(At, "lab", "osd", JournalEvent.SavedPlan, "f1", Detail: "plan-7"), E("osd", "plan"),
            E("osd", "started", "wipe"), E("osd", "done", "wipe"), E("osd", "gate"),
        ]);

        Assert.Equal($"osd: 1c wipe=? → {JournalRun.InDoubtText} / osd: 1c wipe=done → gate green", Shape(runs));
        Assert.Equal([null, "plan-7"], runs.Select(r => r.SavedPlan));
    }

    [Fact]
    public void A_refusal_before_any_plan_is_a_run_of_its_own_and_steps_and_plans_never_share_a_run()
    {
        var runs = JournalRuns.Group(
        [
            E("teardown", "refused"), E("teardown", "refused"),
            E("networks", "plan"), E("networks", "started", "detach"), E("networks", "done", "detach"),
            E("networks", "plan", fingerprint: "f2"), E("networks", "started", "detach", "f2"), E("networks", "done", "detach", "f2"), E("networks", "interrupted", fingerprint: "f2"),
            E("osd", "plan"),
        ]);

        Assert.Equal(
            "teardown: 1c  → refused: confirmation did not match 'x' / teardown: 1c  → refused: confirmation did not match 'x' / "
            + "networks: 0c detach=done → ended without a gate / networks: 0c detach=done → interrupted: stopped / osd: 0c  → ended without a gate",
            Shape(runs));
    }

    [Fact]
    public void A_runs_reconciliations_are_told_in_its_block_in_the_order_they_happened()
    {
        JournalEntry R(string what, string? action = null, string? detail = null) =>
            E("osd", what, action) with { Run = "r1", Detail = detail ?? E("osd", what, action).Detail };
        var runs = JournalRuns.Group(
        [
            R("confirmed"), R("plan"), R("started", "wipe"), R("unknown", "wipe"), R("reconciled", detail: "Reconciled (1/3): wipe m1 unknown; re-observed: nothing is left to do."),
            R("gate"),
        ]);

        var run = Assert.Single(runs);
        Assert.Equal(["Reconciled (1/3): wipe m1 unknown; re-observed: nothing is left to do."], run.Reconciled);
        var text = JournalText.Lines("/j", runs).ToList();
        Assert.Equal("   Reconciled (1/3): wipe m1 unknown; re-observed: nothing is left to do.", text[^2]);
        Assert.Contains("- Reconciled (1/3): wipe m1 unknown; re-observed: nothing is left to do.", JournalMarkdown.Lines("/j", runs));
    }
}
