namespace Slate.Runbook.Core;

/// <summary>--name VALUE, repeatable; read as every value given, in order.</summary>
public sealed record ValuesParameter(string Name, string Description) : StepParameter(Name, Description, ParameterKind.Values);
