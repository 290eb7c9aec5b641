namespace Slate.Runbook.Core;

/// <summary>
/// A typed confirmation: the operator must type <see cref="Expected"/> (or pass it with --confirm) after reading
/// <see cref="Prompt"/>, which names exactly what is about to change.
/// </summary>
public sealed record Confirmation(string Prompt, string Expected, IReadOnlyList<string> Targets);
