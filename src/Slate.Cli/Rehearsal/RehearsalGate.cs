namespace Slate.Cli.Rehearsal;

/// <summary>One step's outcome in the rehearsal summary.</summary>
internal sealed record RehearsalGate(string Step, string Outcome, bool Green)
{
    public static RehearsalGate Of(string step, bool green) => new(step, green ? "GATE green" : "GATE red", green);

    public static RehearsalGate Skipped(string step) => new(step, "skipped", false);
}
