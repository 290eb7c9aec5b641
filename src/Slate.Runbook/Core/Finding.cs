namespace Slate.Runbook.Core;

public enum Severity { Info, Warning, Fatal }

/// <summary>Something a step noticed about the live cloud. A fatal finding blocks the step (exit 3).</summary>
public sealed record Finding(Severity Severity, string Code, string Subject, string Message);
