using Slate.Runbook.Core;

namespace Slate.Runbook.Tests.Core;

/// <summary>
/// A step whose observations and action results a test scripts: each assessment in turn (the last repeats), each
/// action's result by kind (or the exception it throws). It records what the runner asked of it.
/// </summary>
internal sealed class ScriptedStep(params StepAssessment[] assessments) : IStep
{
    private int _assessed;

    public string Name { get; init; } = "scripted";

    public bool Reconciles { get; init; }

    public Dictionary<string, Func<CancellationToken, Task<ActionResult>>> Results { get; } = [];

    public List<string> Applied { get; } = [];

    public int Assessments => _assessed;

    public Confirmation? Confirmation { get; set; } = new("This changes everything", "openstack", ["everything"]);

    public Task<StepAssessment> AssessAsync(CancellationToken ct) =>
        Task.FromResult(assessments[Math.Min(_assessed++, assessments.Length - 1)]);

    public Confirmation? ConfirmationFor(StepPlan plan) => Confirmation;

    public Task<ActionResult> ApplyAsync(PlannedAction action, ActionContext context, CancellationToken ct)
    {
        Applied.Add(action.Kind);
        context.Progress.Report($"applying {action.Kind}");
        return Results.TryGetValue(action.Kind, out var result) ? result(ct) : Task.FromResult(ActionResult.Done($"{action.Kind} done"));
    }

    public static PlannedAction Action(string kind, params (string Key, string Value)[] arguments) =>
        new(kind, kind + "-subject", $"do {kind}", arguments.ToDictionary(a => a.Key, a => a.Value));

    public static StepAssessment Assessment(IReadOnlyList<PlannedAction> actions, bool gateHolds = true, params Finding[] findings) =>
        new("maas", new StepPlan("Scripted step", [], findings, actions, [], new Dictionary<string, string> { ["host:a"] = "id1" }),
            new GateReport([new GateLine("cond", gateHolds, "thing", "right", gateHolds ? "right" : "wrong")]));
}
