namespace Slate.Runbook.BundleCheck;

/// <summary>A bundle or overlay file that cannot be read. The message is one line: file:line: key: problem.</summary>
public sealed class BundleFileException(string file, long line, string key, string problem)
    : Exception($"{Path.GetFileName(file)}:{line}: {key}: {problem}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public string Key { get; } = key;
    public string Problem { get; } = problem;
}
