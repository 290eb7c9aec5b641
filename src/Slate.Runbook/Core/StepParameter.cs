namespace Slate.Runbook.Core;

/// <summary>
/// A flag or argument of one step's command, declared beside the step as a typed static so that adding a step touches
/// no CLI code and the step reads it back with <see cref="StepArguments"/>.Get(parameter): a misspelt name is a compile error.
/// </summary>
public abstract record StepParameter(string Name, string Description, ParameterKind Kind)
{
    /// <summary>What --help says is used when the flag is not given.</summary>
    public virtual string? Default => null;

    /// <summary>The only words the flag takes, when it takes a closed set.</summary>
    public virtual IReadOnlyList<string>? Choices => null;

    /// <summary>An argument that may be left out.</summary>
    public virtual bool Optional => false;
}
