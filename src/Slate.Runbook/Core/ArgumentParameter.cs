namespace Slate.Runbook.Core;

/// <summary>A positional argument, required unless <paramref name="MayBeOmitted"/>; read as the text given, or null.</summary>
public sealed record ArgumentParameter(string Name, string Description, bool MayBeOmitted = false) : StepParameter(Name, Description, ParameterKind.Argument)
{
    public override bool Optional => MayBeOmitted;
}
