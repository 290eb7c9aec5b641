using Slate.Runbook.Core;

namespace Slate.Runbook.Phase;

/// <summary>
/// One step of the phase in runbook order, as <see cref="PhaseSteps"/> builds it: the step's number, name (the
/// journal's) and title (<c>carve caracal-1</c>), the command that runs it, whether it changes anything, the step itself,
/// the steps that come first, and the rehearsal's summary row and heading for it.
/// </summary>
public sealed record PhaseEntry(string Number, string Name, string Title, string Command, bool Mutates, IStep Step, IReadOnlyList<StepRequirement> After,
    string Label, string Heading);
