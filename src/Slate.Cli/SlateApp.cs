using System.CommandLine;
using System.Text.Json;
using Slate.Cli.Rendering;
using Slate.Cli.Commands;
using Slate.Cli.Steps;
using Slate.Lab.Juju;
using Slate.Runbook.Core;

namespace Slate.Cli;

/// <summary>Builds the command tree and turns every failure into one line and an exit code from the table.</summary>
internal static class SlateApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            """
            Slate returns a MAAS + Juju + libvirt OpenStack cloud to a clean, deploy-ready slate, one gated runbook step at a time.
            Every command is read-only or a dry run unless given --apply. Try it safely: `slate rehearse`. On a cloud, start with
            `slate status`: it reads every step's gate and names the next command.

            Connections: MAAS_URL + MAAS_API_KEY (or --maas-profile NAME); SLATE_LIBVIRT_URI (or --libvirt, else the site's
            libvirt.uri); SLATE_JUJU (else juju on PATH); SLATE_SITE (or --site, else ./slate.yaml).
            Journal: every --apply is recorded in --journal FILE ($SLATE_JOURNAL, else $XDG_STATE_HOME/slate/<cloud>/journal.jsonl).
            Exit codes: 0 ok / gate green, 1 error, 2 bad input, 3 gate red or fatal finding, 4 refused (wrong cloud, precondition,
            confirmation), 130/143 interrupted by Ctrl-C/SIGTERM.
            """);
        foreach (var command in RunbookCommands.Commands(context))
            root.Subcommands.Add(command);
        root.Subcommands.Add(StatusCommand.Create(context));
        root.Subcommands.Add(ApplyCommand.Create(context));
        root.Subcommands.Add(JournalCommand.Create(context));
        root.Subcommands.Add(LabCommand.Create(context));
        root.Subcommands.Add(RehearseCommand.Create(context));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken ct)
    {
        // `slate lab juju` speaks juju's own flag syntax and output: its arguments never go through System.CommandLine.
        if (args is ["lab", "juju", .. var jujuArgs])
            return await LabJujuCommand.RunAsync(jujuArgs, context.Environment, Console.Out, Console.Error, ct).ConfigureAwait(false);
        var result = BuildRoot(context).Parse(args);
        if (result.Errors.Count > 0)
        {
            var message = string.Join("; ", result.Errors.Select(e => e.Message));
            context.Io.Error($"slate: {OneLine(message)}");
            context.Io.Error("Run 'slate --help' for usage.");
            return Fail(context, args, ExitCode.BadInput, message);
        }
        try
        {
            return await result.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.Interruption.StopRequested)
        {
            context.Io.Error("slate: interrupted; nothing further was changed");
            return Fail(context, args, context.Interruption.Code, "interrupted; nothing further was changed");
        }
        catch (Exception e) when (ErrorTable.Classify(e) is var (code, message))
        {
            context.Io.Error($"slate: {OneLine(message)}");
            return Fail(context, args, code, message);
        }
    }

    /// <summary>With --json, stdout still carries one JSON document: the error and its exit code.</summary>
    private static int Fail(CliContext context, string[] args, ExitCode code, string message)
    {
        if (args.TakeWhile(a => a != "--").Contains(GlobalOptions.Json.Name))
            context.Io.Json(JsonSerializer.Serialize(new ErrorDocument(OneLine(message), (int)code), CliJson.Default.ErrorDocument));
        return (int)code;
    }

    /// <summary>Every failure is one short, clean line, whatever an exception's message (an adapter's stderr tail, say) holds.</summary>
    private static string OneLine(string message) => TerminalText.OneLine(message);
}
