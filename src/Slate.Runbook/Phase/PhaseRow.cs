namespace Slate.Runbook.Phase;

/// <summary>One step's standing on a fresh observation, with the one sentence that says why.</summary>
public sealed record PhaseRow(PhaseEntry Entry, PhaseState State, string Detail);
