using Slate.Runbook.BundleCheck;
using Slate.Runbook.Carve;
using Slate.Runbook.Core;
using Slate.Runbook.Phase;
using Slate.Runbook.Preflight;

namespace Slate.Cli.Steps;

/// <summary>
/// The phase as `slate status`, `slate gate exit` and the runner's order check see it: every step of the catalog built
/// to be assessed (no flags: the destroy path, every host), the carve once per host as the runbook runs it.
/// </summary>
internal static class PhaseCatalog
{
    private static readonly StepArguments Assess = new(new Dictionary<string, IReadOnlyList<string>>()) { Mode = RunMode.Gate };

    public static string CommandOf(StepDefinition definition) => "slate " + TitleOf(definition);

    private static string TitleOf(StepDefinition definition) => string.Join(' ', definition.Command);

    /// <summary>Every step in runbook order; the bundle gate (live) only when there is a bundle to check.</summary>
    public static IReadOnlyList<PhaseEntry> Entries(IStepServices services, string? bundlePath)
    {
        var entries = new List<PhaseEntry>();
        foreach (var definition in StepCatalog.Steps)
        {
            if (definition == CarveStep.Definition)
            {
                entries.AddRange(services.Site.Hosts.Select(h => new PhaseEntry(definition.Number, definition.Name, $"{TitleOf(definition)} {h.Name}", $"{CommandOf(definition)} {h.Name}",
                    true, new CarveStep(services, [h]), definition.After)));
            }
            else if (definition == BundleCheckStep.Definition)
            {
                if (bundlePath is not null)
                    entries.Add(new PhaseEntry(definition.Number, definition.Name, TitleOf(definition), $"{CommandOf(definition)} --live {bundlePath}", false,
                        new BundleCheckStep(services, bundlePath, [], live: true), definition.After));
            }
            else
            {
                entries.Add(new PhaseEntry(definition.Number, definition.Name, TitleOf(definition), CommandOf(definition), definition.Mutates,
                    definition.Create(services, Assess), definition.After));
            }
        }
        return entries;
    }

    /// <summary>The exit gate's parts: every step that proves a lasting condition (pre-flight is where the phase starts).</summary>
    public static IReadOnlyList<PhaseEntry> ExitParts(IStepServices services, string bundlePath) =>
        Entries(services, bundlePath).Where(e => e.Name != PreflightStep.Definition.Name).ToList();

    /// <summary>What a step that changes something needs of the steps it comes after, each built to be assessed.</summary>
    public static IReadOnlyList<Prerequisite> PrerequisitesOf(StepDefinition definition, IStepServices services)
    {
        if (!definition.Mutates)
            return [];
        return definition.After.Select(requirement =>
        {
            var before = StepCatalog.Steps.Single(d => d.Name == requirement.Step);
            return new Prerequisite(CommandOf(before), before.Create(services, Assess), requirement);
        }).ToList();
    }
}
