using Slate.Runbook.Core;

namespace Slate.Runbook.Phase;

/// <summary>
/// The runbook's EXIT GATE: every step's gate on one fresh observation each, one line per condition, named by the step
/// that proves it. A read-only part's fatal findings are red lines too (the bundle check's failed rules).
/// </summary>
public sealed class ExitGateStep(IReadOnlyList<PhaseEntry> parts) : IStep
{
    public const string StepName = "exit";

    public string Name => StepName;

    public bool Reconciles => false;

    public async Task<StepAssessment> AssessAsync(CancellationToken ct)
    {
        var lines = new List<GateLine>();
        var rows = new List<IReadOnlyList<string>>();
        var maasName = "";
        foreach (var part in parts)
        {
            var assessment = await part.Step.AssessAsync(ct).ConfigureAwait(false);
            maasName = maasName.Length > 0 ? maasName : assessment.MaasName;
            var own = assessment.Gate.Lines
                .Concat(assessment.Plan.Findings.Where(f => f.Severity == Severity.Fatal)
                    .Select(f => new GateLine(f.Code, false, f.Subject, f.Expected ?? "no such finding", f.Observed ?? f.Message)))
                .Select(l => l with { Subject = $"{part.Title}: {l.Subject}" })
                .ToList();
            lines.AddRange(own);
            var red = own.Count(l => !l.Holds);
            rows.Add(ReportTable.Row(part.Number, part.Title, red == 0 ? "green" : $"RED ({red} of {own.Count})"));
        }
        var plan = new StepPlan("EXIT GATE — phase-00 (teardown & MAAS reset): every step's gate, fresh",
            [new ReportTable("steps", ["step", "name", "gate"], rows)], [], [], [], new Dictionary<string, string>());
        return new StepAssessment(maasName, plan, new GateReport(lines));
    }

    public Confirmation? ConfirmationFor(StepPlan plan) => null;

    public Task<ActionResult> ApplyAsync(PlannedAction action, ActionContext context, CancellationToken ct) =>
        throw new InvalidOperationException($"the exit gate is read-only: it has no action {action.Kind}");
}
