namespace Slate.Runbook.Core;

/// <summary>--name, read as given or not.</summary>
public sealed record FlagParameter(string Name, string Description) : StepParameter(Name, Description, ParameterKind.Flag);
