using Slate.Runbook.Core;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Phase;

/// <summary>
/// One line of the runbook: a step, how the phase runs it (<see cref="Shape"/>), and what the rehearsal calls it — its
/// summary row (<see cref="Label"/>) and its heading (<see cref="Heading"/>, then the host, then the note in brackets).
/// </summary>
public sealed record PhaseStep(StepDefinition Definition, string Label, string? Note = null)
{
    public string Heading { get; init; } = Label;

    public PhaseShape Shape { get; init; } = PhaseShape.Once;

    /// <summary>What the rehearsal gives the step besides the phase's arguments: the lab's cloud settles in minutes.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Rehearsed { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The step's command words: <c>networks prune</c>.</summary>
    public string Title => string.Join(' ', Definition.Command);

    public string Command => "slate " + Title;

    /// <summary>The rehearsal's heading for the step, for one host of it or for the step as a whole.</summary>
    public string HeadingFor(string? host) => $"Step {Definition.Number}: {Qualified(Heading, host)}{(Note is null ? "" : $" ({Note})")}";

    /// <summary>The step as the phase runs it — once, once per host or once for the bundle — each built with <paramref name="arguments"/> and the phase's own.</summary>
    public IReadOnlyList<PhaseEntry> Entries(IStepServices services, IReadOnlyList<Host> hosts, string? bundle, StepArguments arguments) => Shape switch
    {
        PhaseShape.EachHost => hosts.Select(h => Entry(services, h.Name, $"{Command} {h.Name}", arguments.With("host", h.Name))).ToList(),
        PhaseShape.LiveBundle => bundle is null ? [] : [Entry(services, null, $"{Command} --live {bundle}", arguments.With("bundle", bundle).With("live"))],
        _ => [Entry(services, null, Command, arguments)],
    };

    private PhaseEntry Entry(IStepServices services, string? host, string command, StepArguments arguments) =>
        new(Definition.Number, Definition.Name, Qualified(Title, host), command, Definition.Mutates, Definition.Create(services, arguments), Definition.After,
            Qualified(Label, host), HeadingFor(host));

    private static string Qualified(string name, string? host) => host is null ? name : $"{name} {host}";
}
