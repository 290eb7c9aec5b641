namespace Slate.Runbook.Core;

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
    /// terminal without echo when the step first needs it; never a value on the command line. Read with <see cref="StepArguments.Secret"/>.
    /// </summary>
    Secret,
}

/// <summary>
/// A flag or argument of one step's command, declared beside the step so that adding a step touches no CLI code.
/// An <see cref="ParameterKind.Argument"/> is required unless <paramref name="Optional"/>.
/// </summary>
public sealed record StepParameter(
    string Name, string Description, ParameterKind Kind, string? Default = null, IReadOnlyList<string>? Choices = null, bool Optional = false);
