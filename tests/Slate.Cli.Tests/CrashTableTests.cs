using Slate.Cli.Journal;
using Slate.Cli.Rehearsal;
using Slate.Lab;
using Slate.Lab.Faults;
using Slate.Runbook.Phase;

namespace Slate.Cli.Tests;

/// <summary>`slate rehearse --crash`'s machinery on one step: a real slate process, a real SIGKILL, a real re-run.</summary>
public sealed class CrashTableTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slate-crash-test-").FullName;

    private CrashTable Table(RecordingInteraction io) =>
        new(CliContext.Production(io, new Dictionary<string, string?>()), SampleSite.Load(), SampleSite.WriteTo(_folder), LabFaults.None);

    private static PhaseStep Osd => PhaseSteps.All.Single(s => s.Definition.Name == "osd");

    [Fact]
    public async Task Slate_killed_as_a_wipe_reaches_the_lab_leaves_it_in_doubt_and_the_re_run_converges_without_wiping_twice()
    {
        var table = Table(new RecordingInteraction());
        var (whole, calls) = await table.ScenarioAsync(Osd, null, CancellationToken.None);
        Assert.True(whole.Converged, whole.ToString());
        Assert.Equal(4, whole.Actions.Count);
        Assert.True(calls[2] >= 2, string.Join(", ", calls));

        var (row, _) = await table.ScenarioAsync(Osd, new CrashPoint(2, calls[2]), CancellationToken.None);

        Assert.True(row.Converged, row.ToString());
        Assert.StartsWith("at POST /lab/hypervisor/", row.Landed, StringComparison.Ordinal);
        Assert.Equal(JournalRun.InDoubtText, row.KilledRun);
        Assert.InRange(row.Actions.Count, 2, 3);
        Assert.DoesNotContain(row.Actions, a => a.EndsWith("openstack0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_converges_only_with_exit_0_nothing_twice_an_intact_journal_and_no_violation()
    {
        var good = new CrashRow("osd wipe", new CrashPoint(1, 1), "at GET /x", JournalRun.InDoubtText, 0, "", ["wipe-osd openstack1"], [], null, 0);

        Assert.True(good.Converged);
        Assert.False((good with { ExitCode = 3 }).Converged);
        Assert.False((good with { Twice = ["DELETE /MAAS/api/2.0/machines/x/"] }).Converged);
        Assert.False((good with { JournalBreak = "line 4 …" }).Converged);
        Assert.False((good with { Violations = 1 }).Converged);
        Assert.False(CrashRow.NotRun("osd wipe", null, "teardown did not reach its gate").Converged);
        Assert.Equal("CONVERGED  osd wipe           action 1, call 1 (at GET /x); killed run: in doubt: started, no outcome recorded (the process ended); " +
                     "re-run: 1 action(s): wipe-osd openstack1", good.ToString());
        Assert.Equal("FAILED     osd wipe           after action 2: not reached; re-run: nothing to do; re-run exit 3: FAIL — 1 of 16 checks failed",
            (good with { Point = new CrashPoint(2), Landed = null, KilledRun = null, Actions = [], ExitCode = 3, LastLine = "FAIL — 1 of 16 checks failed" }).ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
