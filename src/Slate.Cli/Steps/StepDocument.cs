using Slate.Runbook.Core;

namespace Slate.Cli.Steps;

/// <summary>The one --json document every step prints: what was observed, found, planned and done, and the gate.</summary>
internal sealed record StepDocument(
    string Step,
    string Mode,
    string Site,
    string Cloud,
    string MaasName,
    int ExitCode,
    string Heading,
    string Fingerprint,
    IReadOnlyList<TableDocument> Tables,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<ActionDocument> Actions,
    IReadOnlyList<string> Notes,
    string? Summary,
    GateDocument? Gate);

/// <summary>A table as a list of rows, each an object keyed by the column names (snake_case).</summary>
internal sealed record TableDocument(string Title, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows);

/// <summary>A planned action; Outcome is null until it ran (then done, failed or unknown), "not started" when the run stopped before it.</summary>
internal sealed record ActionDocument(string Kind, string Subject, string Description, IReadOnlyDictionary<string, string> Arguments, string? Outcome, string? Detail);

internal sealed record GateDocument(bool Green, IReadOnlyList<GateLine> Lines);
