namespace Slate.Cli.Rehearsal;

/// <summary>
/// One kill point of `slate rehearse --crash` (or a step's uninterrupted run, with no point): where the kill landed,
/// how the killed run ended in the journal, and how the re-run went.
/// </summary>
internal sealed record CrashRow(
    string Step,
    CrashPoint? Point,
    string? Landed,
    string? KilledRun,
    int ExitCode,
    string LastLine,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Twice,
    string? JournalBreak,
    int Violations)
{
    /// <summary>Why the lab could not be brought to where the runbook stands before the step; null when it was.</summary>
    public string? Unready { get; init; }

    public bool Converged => Unready is null && ExitCode == 0 && Twice.Count == 0 && JournalBreak is null && Violations == 0;

    public static CrashRow NotRun(string step, CrashPoint? point, string why) =>
        new(step, point, null, null, -1, "", [], [], null, 0) { Unready = why };

    public override string ToString()
    {
        var where = Point is null ? "no kill" : Landed is null ? $"{Point}: not reached" : $"{Point} ({Landed})";
        var verdict = Unready is { } why ? $"NOT RUN: {why}"
            : Converged ? "CONVERGED" : "FAILED";
        var killed = KilledRun is null ? "" : $"; killed run: {KilledRun}";
        var problems = string.Join("", [
            ExitCode == 0 ? "" : $"; re-run exit {ExitCode}: {LastLine}",
            Twice.Count == 0 ? "" : $"; done twice: {string.Join(", ", Twice)}",
            JournalBreak is null ? "" : $"; journal BROKEN: {JournalBreak}",
            Violations == 0 ? "" : $"; {Violations} protected-machine violation(s)",
        ]);
        var actions = Actions.Count == 0 ? "nothing to do" : $"{Actions.Count} action(s): {string.Join(", ", Actions.Take(3))}{(Actions.Count > 3 ? " …" : "")}";
        return $"{verdict,-10} {Step,-18} {where}{killed}; {(Point is null ? "run" : "re-run")}: {actions}{problems}";
    }
}
