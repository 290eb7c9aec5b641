namespace Slate.Lab.Juju;

/// <summary>What the lab juju command prints as <c>ERROR &lt;message&gt;</c>, and its exit code (2 usage, 1 anything else).</summary>
internal sealed class LabJujuError(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static LabJujuError Usage(string message) => new(2, message);

    public static LabJujuError Failed(string message) => new(1, message);
}
