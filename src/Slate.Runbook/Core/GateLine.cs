namespace Slate.Runbook.Core;

/// <summary>One condition of a step's gate, judged on a fresh observation.</summary>
public sealed record GateLine(string Code, bool Holds, string Subject, string Expected, string Observed);

/// <summary>A step's postcondition: green only when every line holds (a step with no lines has nothing to prove).</summary>
public sealed record GateReport(IReadOnlyList<GateLine> Lines)
{
    public static readonly GateReport None = new([]);

    /// <summary>Where the lines' expected values came from when the journal gave them (the run whose baseline they compare with).</summary>
    public string? Basis { get; init; }

    public bool Green => Lines.All(l => l.Holds);
}
