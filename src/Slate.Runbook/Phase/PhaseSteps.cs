using Slate.Runbook.BundleCheck;
using Slate.Runbook.Carve;
using Slate.Runbook.Core;
using Slate.Runbook.OsdWipe;
using Slate.Runbook.Preflight;
using Slate.Runbook.Reenroll;
using Slate.Runbook.StaleNetworks;
using Slate.Runbook.Standup;
using Slate.Runbook.Teardown;

namespace Slate.Runbook.Phase;

/// <summary>
/// The runbook: its steps in order, the one list the commands, `slate status`, the EXIT GATE, the order check and the
/// rehearsal go through. Adding a step is its folder and one line here.
/// </summary>
public static class PhaseSteps
{
    public static readonly IReadOnlyList<PhaseStep> All =
    [
        new(PreflightStep.Definition, "pre-flight"),
        new(TeardownStep.Definition, "teardown", "Path B destroy") { Rehearsed = Given(TeardownStep.Wait, "2m") },
        new(StaleNetworksStep.Definition, "networks") { Heading = "stale networks" },
        new(OsdWipeStep.Definition, "osd wipe") { Heading = "OSD wipe" },
        new(ReenrollStep.Definition, "reenroll") { Heading = "re-enrolment", Rehearsed = Given(ReenrollStep.Wait, "5m") },
        new(CarveStep.Definition, "carve", "Pattern A") { EachHost = CarveStep.Host },
        new(StandupStep.Definition, "standup", "MAAS drift, read-only"),
        new(BundleCheckStep.Definition, "bundle gate", "live: MAAS's spaces and the hosts' provider MACs") { LiveBundle = (BundleCheckStep.Bundle, BundleCheckStep.Live) },
    ];

    /// <summary>Each step's definition, in runbook order.</summary>
    public static IEnumerable<StepDefinition> Definitions => All.Select(s => s.Definition);

    /// <summary>How status, the exit gate and the order check build a step: to be assessed, with no flags (the destroy path, every host).</summary>
    public static readonly StepArguments Assess = new(new Dictionary<string, IReadOnlyList<string>>()) { Mode = RunMode.Gate };

    /// <summary>Every step in runbook order built to be assessed, the carve once per site host, the bundle gate (live) only when there is a bundle.</summary>
    public static IReadOnlyList<PhaseEntry> Entries(IStepServices services, string? bundle) =>
        All.SelectMany(s => s.Entries(services, services.Site.Hosts, bundle, Assess)).ToList();

    /// <summary>The exit gate's parts: every step that proves a lasting condition (pre-flight is where the phase starts).</summary>
    public static IReadOnlyList<PhaseEntry> ExitParts(IStepServices services, string bundle) =>
        Entries(services, bundle).Where(e => e.Name != PreflightStep.Definition.Name).ToList();

    private static Dictionary<string, IReadOnlyList<string>> Given(StepParameter parameter, string value) => new(StringComparer.Ordinal) { [parameter.Name] = [value] };
}
