namespace Slate.Runbook.Core;

/// <summary>--name FILE: a secret, read as the source the CLI built for it (the file, or the terminal when first needed).</summary>
public sealed record SecretParameter(string Name, string Description) : StepParameter(Name, Description, ParameterKind.Secret);
