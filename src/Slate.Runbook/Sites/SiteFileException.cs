namespace Slate.Runbook.Sites;

/// <summary>A site file that cannot be used. The message is the one line the operator sees: file:line: field: problem.</summary>
public sealed class SiteFileException(string file, long line, string field, string problem)
    : Exception($"{Path.GetFileName(file)}:{line}: {field}: {problem}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
