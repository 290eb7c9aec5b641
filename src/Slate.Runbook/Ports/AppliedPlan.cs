namespace Slate.Runbook.Ports;

/// <summary>A plan a step applied, as the journal recorded it: its run, fingerprint, baseline and time.</summary>
public sealed record AppliedPlan(string? Run, string? Fingerprint, IReadOnlyDictionary<string, string> Baseline, DateTimeOffset Time);
