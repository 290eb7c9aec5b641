namespace Slate.Runbook.Core;

/// <summary>--name DURATION, read as a positive span of at most a day; <paramref name="Fallback"/> when not given.</summary>
public sealed record DurationParameter(string Name, string Description, TimeSpan Fallback) : StepParameter(Name, Description, ParameterKind.Duration)
{
    public override string Default => DurationText.Format(Fallback);
}
