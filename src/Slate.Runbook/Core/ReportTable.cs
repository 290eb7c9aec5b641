namespace Slate.Runbook.Core;

/// <summary>A table of what a step observed, for the operator (rendered by the CLI) and for --json (one object per row).</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static IReadOnlyList<string> Row(params string[] cells) => cells;
}
