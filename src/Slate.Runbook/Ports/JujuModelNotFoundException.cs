namespace Slate.Runbook.Ports;

/// <summary>Juju said <c>ERROR model ... not found</c>: for a teardown this means the model is already gone.</summary>
public sealed class JujuModelNotFoundException(string model, string message, IReadOnlyList<string> argv, int? exitCode, string stderrTail)
    : JujuCommandException(message, argv, exitCode, stderrTail)
{
    public string Model { get; } = model;
}
