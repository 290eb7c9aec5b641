namespace Slate.Runbook.Core;

/// <summary>How a step parameter appears on the command line.</summary>
public enum ParameterKind
{
    /// <summary>--name, no value.</summary>
    Flag,

    /// <summary>--name VALUE.</summary>
    Value,

    /// <summary>--name VALUE, repeatable, in order.</summary>
    Values,

    /// <summary>--name DURATION (90s, 10m, 1h30m).</summary>
    Duration,

    /// <summary>A positional argument.</summary>
    Argument,

    /// <summary>
    /// --name FILE: a secret read from FILE (a regular file of the user's, mode 0600 or stricter), else asked at the
    /// terminal without echo when the step first needs it; never a value on the command line.
    /// </summary>
    Secret,
}
