using System.CommandLine;
using Slate.Cli.Commands;
using Slate.Runbook.Phase;

namespace Slate.Cli.Steps;

/// <summary>The runbook's commands, derived from its steps' definitions in runbook order.</summary>
internal static class RunbookCommands
{
    /// <summary>Each step's command (grouped under its first word when it has two: `bundle check`), and `gate NAME` for every step that changes something.</summary>
    public static IEnumerable<Command> Commands(CliContext context)
    {
        var groups = new Dictionary<string, Command>(StringComparer.Ordinal);
        foreach (var definition in PhaseSteps.Definitions)
        {
            var command = StepCommand.Create(context, definition);
            if (definition.Command.Count == 1)
            {
                yield return command;
                continue;
            }
            if (!groups.TryGetValue(definition.Command[0], out var group))
            {
                group = new Command(definition.Command[0], $"Runbook commands under `{definition.Command[0]}`.");
                groups[definition.Command[0]] = group;
                yield return group;
            }
            group.Subcommands.Add(command);
        }
        var gate = new Command("gate", "A step's GATE on a fresh observation (read-only): exit 0 green, 3 red.");
        foreach (var definition in PhaseSteps.Definitions.Where(d => d.Mutates))
            gate.Subcommands.Add(StepCommand.CreateGate(context, definition));
        gate.Subcommands.Add(ExitGateCommand.Create(context));
        yield return gate;
    }
}
