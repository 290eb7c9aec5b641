using System.CommandLine;
using System.Text.Json;
using Slate.Cli.Journal;
using Slate.Cli.Rendering;
using Slate.Runbook.Sites;

namespace Slate.Cli.Commands;

/// <summary>`slate journal`: the journal rendered as the as-executed log, per run of a step (read-only).</summary>
internal static class JournalCommand
{
    private static readonly Option<bool> Markdown = new("--markdown")
    {
        Description = "Print the log as a Markdown document (a heading per run, a table of its actions)",
    };

    public static Command Create(CliContext context)
    {
        var command = new Command("journal", "The journal as the as-executed log: per run of a step, when and by whom, what was planned, " +
            "the confirmations, each action and its outcome, the captures and the gate. Read-only. Each entry carries the hash of the line " +
            "before it: an edited, inserted or removed line is named (BROKEN: line N …) and the exit code is 3.");
        command.Options.Add(Markdown);
        command.Options.Add(GlobalOptions.Json);
        command.Options.Add(GlobalOptions.Journal);
        command.Options.Add(GlobalOptions.Site);
        command.SetAction(result => Run(context, result));
        return command;
    }

    private static int Run(CliContext context, ParseResult result)
    {
        var (markdown, json) = (result.GetValue(Markdown), result.GetValue(GlobalOptions.Json));
        if (markdown && json)
            throw new CliInputException("--markdown and --json: choose one");
        var settings = SlateSettings.Resolve(result, context.Environment);
        // The journal the steps write: only without --journal or $SLATE_JOURNAL is the site read, for its cloud's name.
        var path = settings.JournalPath is { } given
            ? Path.GetFullPath(given)
            : JournalLocation.For(settings, settings.LoadSite().Cloud.Name);
        if (!Path.Exists(path))
            throw new CliInputException($"no journal at {path}: nothing was applied to this cloud from here (or give --journal FILE)");
        var read = JsonLinesJournal.Read(path);
        var runs = JournalRuns.Group(read.Entries);
        var broken = read.Break?.ToString();
        if (json)
            context.Io.Json(JsonSerializer.Serialize(new JournalDocument(path, runs) { Broken = broken }, CliJson.Default.JournalDocument));
        else
            foreach (var line in markdown ? JournalMarkdown.Lines(path, runs) : JournalText.Lines(path, runs))
                context.Io.Line(line);
        if (broken is null)
            return 0;
        if (!json)
            context.Io.Line($"BROKEN: {broken}. No step reads a baseline from it or writes to it until it is moved aside.");
        return (int)Slate.Runbook.Core.ExitCode.GateRed;
    }
}
