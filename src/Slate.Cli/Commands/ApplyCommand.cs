using System.CommandLine;
using Slate.Cli.Plans;
using Slate.Cli.Steps;
using Slate.Runbook.Core;
using Slate.Runbook.Phase;

namespace Slate.Cli.Commands;

/// <summary>`slate apply PLAN`: applies a saved plan once, after proving the cloud is still what it was made from.</summary>
internal static class ApplyCommand
{
    private static readonly Argument<string> PlanPath = new("plan") { Description = "The plan file `slate STEP --out FILE` wrote" };

    private static readonly Option<string?> Approve = new("--approve")
    {
        Description = "The plan's fingerprint (it seals the plan's id, flags and actions), for an unattended run: it stands for the typed " +
                      "confirmation only when the plan re-made now matches it (proof the approver saw this exact plan; there is no bare --yes)",
        HelpName = "FINGERPRINT",
    };

    public static Command Create(CliContext context)
    {
        var command = new Command("apply",
            "Apply a saved plan (`slate STEP --out FILE`) once. A plan file that is a link, someone else's or writable by others, or " +
            "that holds a flag its step does not have, is refused (exit 2); one whose id, flags or actions were edited is refused (exit 4). " +
            "The step is planned again from live state first: when any object the " +
            "plan was made from changed, or its actions differ, it is refused (exit 4) naming what changed; a plan already applied " +
            "(its id is in the journal) is refused too. Then the step's typed confirmation (or --approve FINGERPRINT), the actions, the gate, " +
            "all under the cloud's lock.");
        command.Arguments.Add(PlanPath);
        GlobalOptions.AddCloudOptions(command);
        command.Options.Add(GlobalOptions.Journal);
        command.Options.Add(GlobalOptions.Confirm);
        command.Options.Add(Approve);
        var secrets = PhaseSteps.Definitions.SelectMany(d => d.Parameters).Where(p => p.Kind == ParameterKind.Secret)
            .DistinctBy(p => p.Name).ToDictionary(p => p.Name, p => (Symbol)StepOptions.For(p), StringComparer.Ordinal);
        foreach (var option in secrets.Values)
            command.Options.Add((Option)option);
        command.SetAction((result, _) => RunAsync(context, result, secrets));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult result, IReadOnlyDictionary<string, Symbol> secretOptions)
    {
        var planPath = result.GetValue(PlanPath)!;
        var saved = PlanFile.Read(planPath);
        using var run = CommandRun.Open(context, result);
        if (saved.Cloud != run.Site.Cloud.Name)
            throw new CliRefusedException($"{planPath} was made for cloud '{saved.Cloud}', and the site is '{run.Site.Cloud.Name}': refused, nothing was changed");
        var definition = PhaseSteps.Definitions.FirstOrDefault(d => d.Name == saved.Step && d.Mutates)
                         ?? throw new CliInputException($"{planPath}: step '{saved.Step}' is not a step that changes anything");
        if (saved.Arguments.Keys.Where(k => !definition.Parameters.Any(p => p.Name == k && p.Kind != ParameterKind.Secret)).ToList() is { Count: > 0 } unknown)
            throw new CliInputException($"{planPath}: {string.Join(", ", unknown.Select(u => "--" + u))} is not a flag of `slate {string.Join(' ', definition.Command)}`: refused, nothing was changed");
        var secrets = StepOptions.ReadSecrets(definition, secretOptions, result, context.Io);
        var arguments = new StepArguments(saved.Arguments, secrets) { Mode = RunMode.Apply };
        var step = definition.Create(run.Session, arguments);
        using var held = run.LockFor(definition, RunMode.Apply);
        if (!run.Session.Journal.Entries().Any(e => e.Cloud == saved.Cloud))
            run.Observer.Note($"Note: the journal {run.Session.JournalPath} holds nothing of cloud '{saved.Cloud}' yet; " +
                "if the steps before this one were journalled elsewhere, pass that --journal: the gates compare against it.");
        var runner = run.Runner(saved, result.GetValue(Approve));
        return run.Finish(await runner.RunAsync(step, RunMode.Apply).ConfigureAwait(false));
    }
}
