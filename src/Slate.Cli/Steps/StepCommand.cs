using System.CommandLine;
using Slate.Cli.Plans;
using Slate.Runbook.Core;
using Slate.Runbook.Phase;

namespace Slate.Cli.Steps;

/// <summary>
/// The one command factory every step goes through: the same connection and output flags, --apply/--confirm/--journal
/// for the steps that change something, the step's own parameters, and the one runner.
/// </summary>
internal static class StepCommand
{
    private static readonly Option<string?> Out = new("--out")
    {
        Description = "Save the dry run's plan to FILE (with every object it was made from) for `slate apply FILE` later",
        HelpName = "FILE",
    };

    public static Command Create(CliContext context, StepDefinition definition)
    {
        var command = new Command(definition.Command[^1], definition.Help);
        var parameters = AddCommon(command, definition);
        if (definition.Mutates)
        {
            command.Options.Add(GlobalOptions.Apply);
            command.Options.Add(GlobalOptions.Confirm);
            command.Options.Add(GlobalOptions.Journal);
            command.Options.Add(Out);
        }
        command.SetAction((result, _) => RunAsync(context, definition, parameters, result,
            !definition.Mutates ? RunMode.Gate : result.GetValue(GlobalOptions.Apply) ? RunMode.Apply : RunMode.Plan));
        return command;
    }

    /// <summary>`slate gate NAME`: the step's gate alone, on a fresh observation (read-only).</summary>
    public static Command CreateGate(CliContext context, StepDefinition definition)
    {
        var command = new Command(definition.Name, $"The GATE of `slate {string.Join(' ', definition.Command)}` on a fresh observation (read-only): exit 0 green, 3 red.");
        var parameters = AddCommon(command, definition);
        command.Options.Add(GlobalOptions.Journal);
        command.SetAction((result, _) => RunAsync(context, definition, parameters, result, RunMode.Gate));
        return command;
    }

    private static Dictionary<string, Symbol> AddCommon(Command command, StepDefinition definition)
    {
        GlobalOptions.AddCloudOptions(command);
        var symbols = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        foreach (var parameter in definition.Parameters)
        {
            Symbol symbol = StepOptions.For(parameter);
            if (symbol is Argument argument)
                command.Arguments.Add(argument);
            else
                command.Options.Add((Option)symbol);
            symbols[parameter.Name] = symbol;
        }
        return symbols;
    }

    private static async Task<int> RunAsync(CliContext context, StepDefinition definition, Dictionary<string, Symbol> parameters, ParseResult result, RunMode mode)
    {
        var outPath = definition.Mutates ? result.GetValue(Out) : null;
        if (outPath is not null && mode == RunMode.Apply)
            throw new CliInputException($"--out saves a dry run's plan: run without --apply, then `slate apply {outPath}`");
        using var run = CommandRun.Open(context, result);
        var arguments = StepOptions.Read(definition, parameters, result, mode, context.Io);
        var step = definition.Create(run.Session, arguments);
        using var held = run.LockFor(definition, mode);
        var outcome = await run.Runner().RunAsync(step, mode).ConfigureAwait(false);
        if (outPath is not null)
            run.Observer.Note(SavedPlans.Save(outPath, definition, arguments, outcome, run.Site, context.Time));
        return run.Finish(outcome);
    }
}
