namespace Slate.Runbook.Core;

/// <summary>One fresh observation judged twice: the plan from here, and whether the gate holds now.</summary>
public sealed record StepAssessment(string MaasName, StepPlan Plan, GateReport Gate);
