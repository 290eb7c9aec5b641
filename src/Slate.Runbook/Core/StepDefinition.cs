namespace Slate.Runbook.Core;

/// <summary>
/// How a step is offered to the operator: its name (the journal's and <c>slate gate NAME</c>'s), its command words
/// (<c>teardown</c>, <c>networks prune</c>), what --help says, whether it changes anything (then it gets --apply,
/// --confirm and --journal, and a gate command), its own parameters, and how to build it for one run.
/// </summary>
public sealed record StepDefinition(
    string Name,
    IReadOnlyList<string> Command,
    string Help,
    bool Mutates,
    IReadOnlyList<StepParameter> Parameters,
    Func<IStepServices, StepArguments, IStep> Create)
{
    /// <summary>Where the runbook puts the step: "1", "2" … "7b".</summary>
    public string Number { get; init; } = "";

    /// <summary>What must hold of the steps before this one when it changes anything: the runbook's order.</summary>
    public IReadOnlyList<StepRequirement> After { get; init; } = [];
}
