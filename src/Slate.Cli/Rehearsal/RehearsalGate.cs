namespace Slate.Cli.Rehearsal;

/// <summary>One step's outcome in the rehearsal summary, with the MAAS API calls it made.</summary>
internal sealed record RehearsalGate(string Step, string Outcome, bool Green, long Calls)
{
    public static RehearsalGate Of(string step, bool green, long calls) => new(step, green ? "GATE green" : "GATE red", green, calls);

    public static RehearsalGate Skipped(string step, long calls) => new(step, "skipped", false, calls);
}
