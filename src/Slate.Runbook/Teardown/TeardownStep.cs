using Slate.Runbook.Core;
using Slate.Runbook.Ports;

namespace Slate.Runbook.Teardown;

/// <summary>
/// Runbook Step 2: the teardown. Path B (destroy, the default) destroys the model so the pod hosts decompose out of
/// MAAS and deletes the orphans; Path A (release) removes each host from the model keeping its instance, canary first.
/// </summary>
public sealed class TeardownStep(IStepServices services, TeardownOptions options) : ActingStep<TeardownObservation, TeardownAction>(services)
{
    public const string StepName = "teardown";
    private static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(10);

    public static readonly ChoiceParameter<TeardownPath> Path = new("path",
        "destroy (Path B, default: the route to phase-01) or release (Path A, machine-preserving, unvalidated: canary first)",
        [("destroy", TeardownPath.Destroy), ("release", TeardownPath.Release)]);

    public static readonly FlagParameter Canary = new("canary", "With --path release: the first host only, verify it survived, and stop");

    public static readonly DurationParameter Wait = new("wait", "How long the model may take to die before lingering machines are offered to --force", DefaultWait);

    public static readonly StepDefinition Definition = new(
        StepName,
        ["teardown"],
        "Runbook Step 2 (DESTRUCTIVE with --apply): tear down the Juju model and the orphans. Dry run by default: the four hosts' " +
        "system_ids resolved live, the model's machines, the orphans (deleted), the protected machines (EXCLUDED). --apply asks for the " +
        "model name typed (or --confirm MODEL), captures export-bundle + status into the run folder (reference only), then " +
        "--path destroy (default, Path B): juju destroy-model --destroy-storage, the hosts decompose out of MAAS, domains stay shut off; " +
        "--path release (Path A): juju remove-machine --keep-instance per host, then the model (--canary: the first host only, verify, stop). " +
        "A model still dying after --wait lists its lingering machines and offers juju remove-machine --force behind a second typed " +
        "confirmation ('force MODEL'). Gate: `slate gate teardown`.",
        Mutates: true,
        [Path, Canary, Wait],
        (services, arguments) => new TeardownStep(services, ReadOptions(arguments)))
    {
        Number = "2",
    };

    /// <summary>What Steps 3 and 4 need of the teardown: every host out of MAAS (or re-enrolled since) and its domain shut off.</summary>
    public static readonly StepRequirement HostsAtRest = StepRequirement.Lines(StepName, TeardownGate.HostGone, TeardownGate.DomainOff);

    public override string Name => StepName;

    protected override async Task<TeardownObservation> ObserveAsync(CancellationToken ct)
    {
        var names = Site.Hosts.Select(h => h.Name).Concat(Site.Orphans).Concat(Site.Protected).Distinct(StringComparer.Ordinal).ToList();
        var machines = await Services.Maas.FindMachinesAsync(names, ct).ConfigureAwait(false);
        var devices = await Services.Maas.ListDevicesAsync(ct).ConfigureAwait(false);
        JujuModelStatus? model = null;
        string? jujuError = null;
        try
        {
            model = await Services.Juju.StatusAsync(Site.Cloud.JujuModel, ct).ConfigureAwait(false);
        }
        catch (JujuException e) when (e.Failure == JujuFailure.ModelNotFound)
        {
        }
        catch (JujuException e)
        {
            jujuError = e.Message;
        }
        IReadOnlyList<HypervisorDomain>? domains = null;
        string? hypervisorError = null;
        try
        {
            domains = await Services.Hypervisor.ListDomainsAsync(ct).ConfigureAwait(false);
        }
        catch (HypervisorException e)
        {
            hypervisorError = e.Message;
        }
        return new TeardownObservation(machines, devices, model, jujuError, domains, hypervisorError, Services.Journal.LastBaseline(Site.Cloud.Name, StepName),
            TeardownRecord.Read(Services.Journal, Site));
    }

    protected override StepPlan Plan(TeardownObservation observation) => TeardownPlanner.Plan(Site, options, observation);

    protected override GateReport Gate(TeardownObservation observation) => TeardownGate.Judge(Site, options, observation);

    public override Confirmation? ConfirmationFor(StepPlan plan)
    {
        var targets = plan.Actions.Select(a => (Plain: a, Typed: TeardownAction.From(a))).Where(a => a.Typed is not TeardownAction.CaptureModel)
            .Select(a => a.Typed switch
            {
                TeardownAction.DestroyModel { Hosts.Count: > 0 } d => $"model {d.Model} with {string.Join(",", d.Hosts.Select(h => $"{h.Host} {h.SystemId}"))}",
                TeardownAction.RemoveMachine r => $"{a.Plain.Kind} {a.Plain.Subject} ({r.SystemId})",
                TeardownAction.DeleteMachine d => $"{a.Plain.Kind} {a.Plain.Subject} ({d.SystemId})",
                _ => $"{a.Plain.Kind} {a.Plain.Subject}",
            })
            .ToList();
        var what = options.Path == TeardownPath.Destroy ? "DESTROYS (irreversible)" : "changes";
        return new Confirmation($"This {what}: {string.Join("; ", targets)}. Type the model name to continue", Site.Cloud.JujuModel, targets);
    }

    protected override Task<ActionResult> ApplyAsync(TeardownAction action, ActionContext context, CancellationToken ct) =>
        new TeardownApplier(Services, options, context).ApplyAsync(action, ct);

    private static TeardownOptions ReadOptions(StepArguments arguments)
    {
        var path = arguments.Get(Path);
        var canary = arguments.Get(Canary);
        if (canary && path != TeardownPath.Release)
            throw new StepArgumentException("--canary goes with --path release (the destroy path has no canary)");
        return new TeardownOptions(path, canary, arguments.Get(Wait));
    }
}
