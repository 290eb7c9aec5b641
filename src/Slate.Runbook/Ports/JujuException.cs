namespace Slate.Runbook.Ports;

/// <summary>
/// A juju call failed; translated once by the Juju adapter. The message is one line and never holds a secret. For a
/// command that ran: Argv is its command line (password-like flags masked), ExitCode null when it never completed,
/// StderrTail the last lines juju wrote to stderr.
/// </summary>
public sealed class JujuException(JujuFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public JujuFailure Failure { get; } = failure;

    /// <summary>The model a <see cref="JujuFailure.ModelNotFound"/> names.</summary>
    public string? Model { get; init; }

    public IReadOnlyList<string> Argv { get; init; } = [];
    public int? ExitCode { get; init; }
    public string StderrTail { get; init; } = "";
}
