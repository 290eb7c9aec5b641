using System.CommandLine;
using Slate.Cli.Steps;
using Slate.Runbook.Core;
using Slate.Runbook.Phase;

namespace Slate.Cli.Commands;

/// <summary>`slate gate exit`: the runbook's EXIT GATE, every step's gate on a fresh observation, one line per condition.</summary>
internal static class ExitGateCommand
{
    public static readonly Option<string?> Bundle = new("--bundle")
    {
        Description = "The bundle the bundle gate checks, live (default: <site>.bundle.yaml beside the site file)",
    };

    public static Command Create(CliContext context)
    {
        var command = new Command(ExitGateStep.StepName,
            "The runbook's EXIT GATE (read-only): no model; the hosts Ready with system_ids other than the ones torn down; the orphans " +
            "deleted; the stale networks gone and unreferenced; the OSD disks blank; Pattern A on every host; no standup drift; the bundle " +
            "check passing live. One line per condition, named by the step that proves it: exit 0 green, 3 red. A cloud torn down by the " +
            "release path (Path A) never passes it: Path A is not a route into phase-01.");
        GlobalOptions.AddCloudOptions(command);
        command.Options.Add(GlobalOptions.Journal);
        command.Options.Add(Bundle);
        command.SetAction((result, _) => RunAsync(context, result));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult result)
    {
        using var run = CommandRun.Open(context, result);
        var sitePath = run.Settings.SiteFile;
        var bundle = SiteBundle.Resolve(result.GetValue(Bundle), sitePath)
                     ?? throw new CliInputException($"{sitePath}: no bundle beside it ({Path.GetFileName(SiteBundle.Beside(sitePath))}): pass --bundle FILE");
        return run.Finish(await run.Runner().RunAsync(new ExitGateStep(PhaseSteps.ExitParts(run.Session, bundle)), RunMode.Gate).ConfigureAwait(false));
    }
}
