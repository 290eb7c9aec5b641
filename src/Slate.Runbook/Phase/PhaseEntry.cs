using Slate.Runbook.Core;

namespace Slate.Runbook.Phase;

/// <summary>
/// One row of the phase in runbook order: the step's number, name (the journal's) and title (<c>carve caracal-1</c>),
/// the command that runs it, whether it changes anything, the step built to be assessed, and the steps that come first.
/// </summary>
public sealed record PhaseEntry(string Number, string Name, string Title, string Command, bool Mutates, IStep Step, IReadOnlyList<StepRequirement> After);
