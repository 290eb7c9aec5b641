namespace Slate.Cli.Tests;

/// <summary>`slate rehearse --soak N`: the phase on a sick lab, re-running a red step as an operator would, judged by the lab.</summary>
public sealed class RehearseSoakTests
{
    [Fact]
    public async Task A_soak_run_on_a_lab_losing_answers_and_refusing_writes_ends_green_with_no_violation_and_counts_its_faults()
    {
        // Lost answers are reconciled inside the carve's run (see ReconciliationTests); a refused write stops a step, re-run here.
        var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "rehearse", "--soak", "1", "--seed", "3",
            "--fault", "lost=0.05", "--fault", "409-state=0.05");

        Assert.True(code == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        Assert.StartsWith("Soak of phase-00 on the lab 'caracal-testcloud': 1 run(s), seeds 3 to 3, faults 409-state=0.05 lost=0.05 seed=3;", io.Out[0], StringComparison.Ordinal);
        Assert.Matches(@"^seed 3: EXIT GATE green; re-runs: .+; faults: .*lost [1-9][0-9]*.*; violations: none$", io.Out[1]);
        Assert.Matches(@"^Soak: 1 run\(s\), 1 green at the EXIT GATE within 2 re-runs of a step; faults injected: .*lost [1-9][0-9]*; re-runs: [0-9]+; violations: 0$", io.Out[^1]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    public async Task A_soak_of_no_runs_is_an_input_error_in_one_line(string runs)
    {
        var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "rehearse", "--soak", runs);

        Assert.Equal(2, code);
        Assert.Equal($"slate: --soak {runs}: expected a number of runs from 1 to 10000", Assert.Single(io.Errors));
    }

    [Fact]
    public void A_write_is_inside_a_confirmed_action_only_while_the_journal_ends_in_its_started_entry_or_a_capture_it_wrote()
    {
        var journal = Path.Combine(Directory.CreateTempSubdirectory("slate-soak-test-").FullName, "journal.jsonl");
        Assert.False(Slate.Cli.Rehearsal.RehearsalSoak.InAction(journal));
        string Line(string what) => $$"""{"time":"2026-12-08T10:00:00+00:00","cloud":"lab","step":"carve","event":"{{what}}","fingerprint":"f1"}""";

        File.WriteAllLines(journal, [Line("confirmed"), Line("plan")]);
        Assert.False(Slate.Cli.Rehearsal.RehearsalSoak.InAction(journal));
        File.AppendAllLines(journal, [Line("started")]);
        Assert.True(Slate.Cli.Rehearsal.RehearsalSoak.InAction(journal));
        File.AppendAllLines(journal, [Line("capture")]);
        Assert.True(Slate.Cli.Rehearsal.RehearsalSoak.InAction(journal));
        File.AppendAllLines(journal, [Line("done")]);
        Assert.False(Slate.Cli.Rehearsal.RehearsalSoak.InAction(journal));
        Directory.Delete(Path.GetDirectoryName(journal)!, recursive: true);
    }
}
