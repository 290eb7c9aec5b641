namespace Slate.Runbook.Ports;

/// <summary>
/// A juju command that failed, could not start or timed out. Argv is the full command line with values of
/// password-like flags masked; ExitCode is null when the process never ran to completion.
/// </summary>
public class JujuCommandException(string message, IReadOnlyList<string> argv, int? exitCode, string stderrTail, Exception? inner = null)
    : JujuException(message, inner)
{
    public IReadOnlyList<string> Argv { get; } = argv;
    public int? ExitCode { get; } = exitCode;

    /// <summary>The last lines juju wrote to stderr.</summary>
    public string StderrTail { get; } = stderrTail;
}
