namespace Slate.Runbook.Core;

/// <summary>The one exit-code table every command returns from.</summary>
public enum ExitCode
{
    Ok = 0,
    Error = 1,
    BadInput = 2,
    GateRed = 3,
    Refused = 4,

    /// <summary>Stopped by Ctrl-C (128 + SIGINT).</summary>
    Interrupted = 130,

    /// <summary>Stopped by SIGTERM (128 + SIGTERM).</summary>
    Terminated = 143,
}
