using Slate.Runbook.Ports;
using Slate.Runbook.Core;

namespace Slate.Runbook.Tests.Core;

/// <summary>The step engine at its edges: durations at unit boundaries, an empty value, the gate's journal line, a stable fingerprint.</summary>
public sealed class EngineEdgeTests
{
    [Theory]
    [InlineData(999, "999ms")]
    [InlineData(1000, "1s")]
    [InlineData(26 * 3600 * 1000, "26h")]
    [InlineData((24 * 3600 + 90) * 1000, "24h1m30s")]
    public void Durations_read_as_the_operator_types_them(long milliseconds, string text) =>
        Assert.Equal(text, DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void A_parameter_given_no_value_has_none()
    {
        var arguments = new StepArguments(new Dictionary<string, IReadOnlyList<string>> { ["path"] = [] });

        Assert.Null(arguments.Get(new ArgumentParameter("path", "")));
        Assert.True(arguments.Get(new FlagParameter("path", "")));
    }

    /// <summary>
    /// Saved plans and --approve compare fingerprints made by different runs, and possibly different versions: the print
    /// is pinned. Derived independently: sha256("delete-machine␟capi-mgmt␞host=capi-mgmt␞system_id=abc123␞␝destroy-model␟openstack␞␝")[..16]
    /// (unit, record and group separators; arguments in ordinal key order).
    /// </summary>
    [Fact]
    public void A_plan_fingerprint_is_stable_across_runs_and_versions()
    {
        var plan = new StepPlan("h", [], [], [
            new PlannedAction("delete-machine", "capi-mgmt", "x", new Dictionary<string, string> { ["system_id"] = "abc123", ["host"] = "capi-mgmt" }),
            new PlannedAction("destroy-model", "openstack", "y", new Dictionary<string, string>()),
        ], [], new Dictionary<string, string>());

        Assert.Equal("f0283907d15f7f54", plan.Fingerprint);
    }

    /// <summary>
    /// A saved plan's print seals its id, flags and actions. Derived independently:
    /// sha256("0011223344556677␝path=release␞wait=2m␟5m␞␝abcdef0123456789")[..16] (flags in ordinal name order, values in order).
    /// </summary>
    [Fact]
    public void A_saved_plans_print_is_stable_and_covers_its_id_flags_and_actions()
    {
        var flags = new Dictionary<string, IReadOnlyList<string>> { ["wait"] = ["2m", "5m"], ["path"] = ["release"] };

        Assert.Equal("b7d7e936e65173cb", PlanFingerprint.Sealed("0011223344556677", flags, "abcdef0123456789"));
    }

    [Fact]
    public async Task The_gate_entry_names_the_red_lines_and_says_green_when_all_hold()
    {
        var red = StepRunnerWorld.Services();
        var green = StepRunnerWorld.Services();
        PlannedAction[] one = [ScriptedStep.Action("first")];

        await new StepRunner(red, new RecordingObserver(), new Interruption(), ["openstack"])
            .RunAsync(new ScriptedStep(ScriptedStep.Assessment(one, gateHolds: false)), RunMode.Apply);
        await new StepRunner(green, new RecordingObserver(), new Interruption(), ["openstack"])
            .RunAsync(new ScriptedStep(ScriptedStep.Assessment(one, gateHolds: false), ScriptedStep.Assessment([])), RunMode.Apply);

        Assert.Equal((JournalEvent.Gate, "red: thing"), (red.MemoryJournal.Written[^1].Event, red.MemoryJournal.Written[^1].Detail));
        Assert.Equal((JournalEvent.Gate, "green"), (green.MemoryJournal.Written[^1].Event, green.MemoryJournal.Written[^1].Detail));
    }
}
