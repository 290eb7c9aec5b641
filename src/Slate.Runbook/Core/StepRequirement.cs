namespace Slate.Runbook.Core;

/// <summary>
/// What a step needs of one that comes before it in the runbook: that step's whole gate, or only its lines with the
/// given codes (Steps 3–4 need the hosts gone and the domains shut off, not the orphans; Step 6 needs Ready).
/// </summary>
public sealed record StepRequirement(string Step, IReadOnlyList<string> Codes)
{
    public static StepRequirement Gate(string step) => new(step, []);

    public static StepRequirement Lines(string step, params string[] codes) => new(step, codes);

    /// <summary>The lines of <paramref name="gate"/> this requirement needs that do not hold.</summary>
    public IReadOnlyList<GateLine> Unmet(GateReport gate) =>
        gate.Lines.Where(l => !l.Holds && (Codes.Count == 0 || Codes.Contains(l.Code, StringComparer.Ordinal))).ToList();
}
