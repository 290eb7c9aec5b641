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
            var unmet = prerequisite.Requirement.Unmet((await prerequisite.Step.AssessAsync(ct).ConfigureAwait(false)).Gate);
            if (unmet.Count > 0)
                findings.Add(Unmet(prerequisite.Step.Name, prerequisite.Command, unmet));
        }
        return findings.Count == 0
            ? assessment
            : assessment with { Plan = assessment.Plan with { Findings = [.. assessment.Plan.Findings, .. findings] } };
    }

    /// <summary>What the runbook's step of this name, when it changes something, needs of the steps it comes after, each built to be assessed.</summary>
    public static IReadOnlyList<Prerequisite> PrerequisitesOf(string step, IStepServices services)
    {
        if (PhaseSteps.All.FirstOrDefault(s => s.Definition.Name == step)?.Definition is not { Mutates: true } definition)
            return [];
        return definition.After.Select(requirement =>
        {
            var before = PhaseSteps.All.Single(s => s.Definition.Name == requirement.Step);
            return new Prerequisite(before.Command, before.Definition.Create(services, PhaseSteps.Assess), requirement);
        }).ToList();
    }

    /// <summary>The finding that names the step to run first and the gate lines it has not reached.</summary>
    public static Finding Unmet(string step, string command, IReadOnlyList<GateLine> unmet) =>
        new(Severity.Precondition, Code, step, $"`{command}` must come first: its gate does not hold yet ({Describe(unmet)})", "holds", $"{unmet.Count} line(s) red");

    /// <summary>The first few red lines, with how many more there are.</summary>
    private static string Describe(IReadOnlyList<GateLine> unmet) =>
        string.Join(", ", unmet.Take(4).Select(l => $"{l.Code} {l.Subject}: {l.Observed}")) + (unmet.Count > 4 ? $" and {unmet.Count - 4} more" : "");
}
