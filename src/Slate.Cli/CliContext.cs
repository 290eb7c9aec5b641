using System.CommandLine;
using Slate.Cli.Interaction;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Cli;

/// <summary>What a command needs from the outside world; tests build one with a recording interaction.</summary>
internal sealed record CliContext(
    IInteraction Io,
    IReadOnlyDictionary<string, string?> Environment,
    Func<ParseResult, IReadOnlyDictionary<string, string?>, IMaas> ConnectMaas,
    Func<ParseResult, IReadOnlyDictionary<string, string?>, Site, IHypervisor> ConnectHypervisor,
    Func<IReadOnlyDictionary<string, string?>, Site, IJuju> ConnectJuju,
    TimeProvider Time);
