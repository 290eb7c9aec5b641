namespace Slate.Juju.Tests;

/// <summary>An <see cref="IProgress{T}"/> that keeps every line it is given, in order, as it is given (no synchronisation context).</summary>
public sealed class LineRecorder : IProgress<string>
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    public void Report(string value)
    {
        lock (_lines) _lines.Add(value);
    }
}
