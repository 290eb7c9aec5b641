using System.CommandLine;
using System.Text.Json;
using Slate.Cli.Rendering;
using Slate.Cli.Steps;
using Slate.Runbook.Core;
using Slate.Runbook.Phase;

namespace Slate.Cli.Commands;

/// <summary>`slate status`: where the cloud stands in the phase, from live state only, and the next command to run.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("status",
            "Where the cloud stands in phase-00, read live (read-only): each step's gate in runbook order — green, ready (it has changes " +
            "to make now), waiting (a step before it is not green) or red — and the next step to run with its exact command. " +
            "Exit 0, or 3 when the next step is red (it cannot get there by itself), 4 when MAAS is not the site's cloud.");
        GlobalOptions.AddCloudOptions(command);
        command.Options.Add(GlobalOptions.Journal);
        command.Options.Add(ExitGateCommand.Bundle);
        command.SetAction((result, _) => RunAsync(context, result));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult result)
    {
        using var run = CommandRun.Open(context, result);
        var site = run.Site;
        var bundle = SiteBundle.Resolve(result.GetValue(ExitGateCommand.Bundle), run.Settings.SiteFile);
        var report = await PhaseStatus.ReadAsync(PhaseSteps.Entries(run.Session, bundle), context.Interruption.Stop).ConfigureAwait(false);
        var next = NextStep(report, bundle is null);
        if (result.GetValue(GlobalOptions.Json))
        {
            var rows = report.Rows.Select(r => new StatusRowDocument(r.Entry.Number, r.Entry.Title, r.Entry.Command, Word(r.State), r.Detail)).ToList();
            context.Io.Json(JsonSerializer.Serialize(new StatusDocument(site.Cloud.Name, rows, next.Command, next.Sentence), CliJson.Default.StatusDocument));
        }
        else
        {
            context.Io.Line($"Phase-00 status of {site.Cloud.Name} (live)");
            context.Io.Table("steps in runbook order", ["step", "name", "state", "detail"],
                report.Rows.Select(r => ReportTable.Row(r.Entry.Number, r.Entry.Title, Word(r.State), r.Detail)).ToList());
            if (bundle is null)
                context.Io.Line("Step 7b (bundle gate) not shown: no <site>.bundle.yaml beside the site file; pass --bundle FILE.");
            context.Io.Line("Next: " + next.Sentence);
        }
        return report.Next?.State == PhaseState.Red ? (int)ExitCode.GateRed : (int)ExitCode.Ok;
    }

    private static (string Command, string Sentence) NextStep(PhaseReport report, bool noBundle)
    {
        if (report.Next is not { } next)
        {
            return noBundle
                ? ("slate gate exit --bundle BUNDLE", "every step shown is green; the exit gate needs the bundle: `slate gate exit --bundle BUNDLE`.")
                : ("slate gate exit", "every step is green: prove it with `slate gate exit`.");
        }
        var name = $"Step {next.Entry.Number} {next.Entry.Title}";
        return next switch
        {
            { State: PhaseState.Ready } => ($"{next.Entry.Command} --apply",
                $"{name} — review its plan with `{next.Entry.Command}`, then make it with `{next.Entry.Command} --apply`."),
            { State: PhaseState.Red } when next.Entry.Mutates => (next.Entry.Command, $"{name} is RED — `{next.Entry.Command}` shows why ({next.Detail})."),
            _ => (next.Entry.Command, $"{name} — `{next.Entry.Command}` ({next.Detail})."),
        };
    }

    private static string Word(PhaseState state) => state.ToString().ToLowerInvariant();
}

internal sealed record StatusDocument(string Cloud, IReadOnlyList<StatusRowDocument> Steps, string NextCommand, string Next);

internal sealed record StatusRowDocument(string Number, string Name, string Command, string State, string Detail);
