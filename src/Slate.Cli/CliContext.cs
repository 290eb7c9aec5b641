using Slate.Cli.Interaction;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Cli;

/// <summary>What a command needs from the outside world; tests build one with a recording interaction and the lab's ports.</summary>
internal sealed record CliContext(
    IInteraction Io,
    IReadOnlyDictionary<string, string?> Environment,
    Func<SlateSettings, IMaas> ConnectMaas,
    Func<SlateSettings, Site, IHypervisor> ConnectHypervisor,
    Func<SlateSettings, Site, IJuju> ConnectJuju,
    TimeProvider Time)
{
    /// <summary>Ctrl-C and SIGTERM, as Program wires them.</summary>
    public Interruption Interruption { get; init; } = new();

    public static CliContext Production(IInteraction io, IReadOnlyDictionary<string, string?> environment) =>
        new(io, environment, MaasConnector.Connect, HypervisorConnector.Connect, JujuConnector.Connect, TimeProvider.System);
}
