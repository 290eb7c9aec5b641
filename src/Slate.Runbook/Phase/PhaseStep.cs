using Slate.Runbook.Core;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Phase;

/// <summary>
/// One line of the runbook: a step, how the phase runs it (once; once per host, <see cref="EachHost"/>; once for the
/// bundle, <see cref="LiveBundle"/>), and what the rehearsal calls it — its summary row (<see cref="Label"/>) and its
/// heading (<see cref="Heading"/>, then the host, then the note in brackets).
/// </summary>
public sealed record PhaseStep(StepDefinition Definition, string Label, string? Note = null)
{
    public string Heading { get; init; } = Label;

    /// <summary>The step runs once per host, the host given as this argument (Step 6: one host per call).</summary>
    public ArgumentParameter? EachHost { get; init; }

    /// <summary>The step runs once when there is a bundle, given as File with Live; not at all without one.</summary>
    public (ArgumentParameter File, FlagParameter Live)? LiveBundle { get; init; }

    /// <summary>What the rehearsal gives the step besides the phase's arguments: the lab's cloud settles in minutes.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Rehearsed { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The step's command words: <c>networks prune</c>.</summary>
    public string Title => string.Join(' ', Definition.Command);

    public string Command => "slate " + Title;

    /// <summary>The rehearsal's heading for the step, for one host of it or for the step as a whole.</summary>
    public string HeadingFor(string? host) => $"Step {Definition.Number}: {Qualified(Heading, host)}{(Note is null ? "" : $" ({Note})")}";

    /// <summary>The step as the phase runs it — once, once per host or once for the bundle — each built with <paramref name="arguments"/> and the phase's own.</summary>
    public IReadOnlyList<PhaseEntry> Entries(IStepServices services, IReadOnlyList<Host> hosts, string? bundle, StepArguments arguments) => (EachHost, LiveBundle) switch
    {
        ({ } host, _) => hosts.Select(h => Entry(services, h.Name, $"{Command} {h.Name}", arguments.With(host, h.Name))).ToList(),
        (_, var (file, live)) => bundle is null ? [] : [Entry(services, null, $"{Command} --{live.Name} {bundle}", arguments.With(file, bundle).With(live))],
        _ => [Entry(services, null, Command, arguments)],
    };

    private PhaseEntry Entry(IStepServices services, string? host, string command, StepArguments arguments) =>
        new(Definition.Number, Definition.Name, Qualified(Title, host), command, Definition.Mutates, Definition.Create(services, arguments), Definition.After,
            Qualified(Label, host), HeadingFor(host));

    private static string Qualified(string name, string? host) => host is null ? name : $"{name} {host}";
}
