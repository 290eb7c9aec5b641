using Slate.Runbook.Core;

namespace Slate.Runbook.Phase;

/// <summary>
/// The runbook's order as a precondition: a step with something to do is refused (exit 4) while a step that must come
/// first has not reached its gate, and the refusal names that step and its command.
/// </summary>
public static class PhaseOrder
{
    public const string Code = "out-of-order";

    public static async Task<StepAssessment> CheckAsync(StepAssessment assessment, IReadOnlyList<Prerequisite> after, CancellationToken ct)
    {
        if (assessment.Plan.Actions.Count == 0 || after.Count == 0)
            return assessment;
        var findings = new List<Finding>();
        foreach (var prerequisite in after)
        {
            var gate = (await prerequisite.Step.AssessAsync(ct).ConfigureAwait(false)).Gate;
            if (!gate.Green)
                findings.Add(Unmet(prerequisite.Step.Name, prerequisite.Command, gate));
        }
        return findings.Count == 0
            ? assessment
            : assessment with { Plan = assessment.Plan with { Findings = [.. assessment.Plan.Findings, .. findings] } };
    }

    /// <summary>The finding that names the step to run first and the gate lines it has not reached.</summary>
    public static Finding Unmet(string step, string command, GateReport gate)
    {
        var red = gate.Lines.Where(l => !l.Holds).Select(l => $"{l.Code} {l.Subject}").ToList();
        return new Finding(Severity.Precondition, Code, step,
            $"`{command}` must come first: its gate does not hold ({string.Join(", ", red.Take(4))}{(red.Count > 4 ? $" and {red.Count - 4} more" : "")})",
            "green", $"{red.Count} red line(s)");
    }
}
