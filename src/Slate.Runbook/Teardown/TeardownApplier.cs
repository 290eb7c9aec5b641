using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using static Slate.Runbook.Teardown.TeardownAction;

namespace Slate.Runbook.Teardown;

/// <summary>Carries out one teardown action and waits, with explicit states and a budget, until the cloud shows it done.</summary>
internal sealed class TeardownApplier(IStepServices services, TeardownOptions options, ActionContext context)
{
    private const string Absent = "absent";
    private const int LostAnswerAttempts = 4;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long a DELETE an earlier run may have sent is given to finish before it is sent again.</summary>
    private static readonly TimeSpan EarlierDeleteGrace = TimeSpan.FromMinutes(1);

    // A host released by destroy-model leaves MAAS (the pod decomposes it); one that stays Ready or New was not decomposed.
    private static readonly WaitStates LeavingMaas = WaitStates.Of(
        ["Deployed", "Releasing", "Disk erasing"], [Absent], ["Ready", "New", "Releasing failed", "Failed disk erasing", "Broken"]);

    private static readonly WaitStates LeavingModel = WaitStates.Of(["in the model"], [Absent], []);

    public Task<ActionResult> ApplyAsync(TeardownAction action, CancellationToken ct) => action switch
    {
        CaptureModel a => CaptureAsync(a.Model, ct),
        DestroyModel a => DestroyModelAsync(a, ct),
        RemoveMachine a => RemoveMachineAsync(a, ct),
        ForceRemoveMachine a => ForceRemoveAsync(a, ct),
        DeleteMachine a => DeleteMachineAsync(a, ct),
        _ => throw new InvalidOperationException($"the teardown has no action {action}"),
    };

    private async Task<ActionResult> CaptureAsync(string model, CancellationToken ct)
    {
        try
        {
            var bundle = context.Journal.SaveCapture($"{model}-export-bundle.yaml", await services.Juju.ExportBundleAsync(model, ct).ConfigureAwait(false));
            var status = context.Journal.SaveCapture($"{model}-status.json", await services.Juju.StatusJsonAsync(model, ct).ConfigureAwait(false));
            return ActionResult.Done($"captured {bundle} and {status} (reference only, not a restore path)");
        }
        catch (JujuException e) when (e.Failure == JujuFailure.ModelNotFound)
        {
            // An earlier, interrupted run's destroy-model finished in the meantime: there is nothing left to capture.
            return ActionResult.Done($"model {model} is already gone: nothing to capture");
        }
    }

    private async Task<ActionResult> DestroyModelAsync(DestroyModel action, CancellationToken ct)
    {
        var (model, destroyStorage) = (action.Model, action.DestroyStorage);
        context.Progress.Report($"juju destroy-model {model}: waiting up to {DurationText.Format(options.Wait)} for the model to be removed");
        using var budget = new CancellationTokenSource(options.Wait, services.Time);
        using var juju = new DestroyModelWait(context.Progress, context.StopWaiting);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token, juju.Stopped);
        try
        {
            // juju's own wait lines ("Waiting for model to be removed, ...") are the live progress of this action.
            await services.Juju.DestroyModelAsync(
                    model, new DestroyOptions(DestroyStorage: destroyStorage, ReleaseStorage: !destroyStorage), juju, linked.Token)
                .ConfigureAwait(false);
        }
        catch (JujuException e) when (e.Failure == JujuFailure.ModelNotFound)
        {
            context.Progress.Report($"model {model} is already gone");
        }
        catch (OperationCanceledException) when (juju.Stopped.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return ActionResult.Done($"stopped waiting for model {model} to be removed on a signal: the change was made (juju said the controller took it); " +
                "the hosts leaving MAAS were not awaited");
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return await LingeringAsync(action, ct).ConfigureAwait(false);
        }
        var hosts = action.Hosts.Select(h => h.Host).ToList();
        if (hosts.Count == 0)
            return ActionResult.Done($"model {model} removed");
        var left = await WaitOutOfMaasAsync($"hosts leaving MAAS", hosts, LeavingMaas, ct).ConfigureAwait(false);
        return left.Verdict switch
        {
            WaitVerdict.Reached => ActionResult.Done($"model {model} removed; {string.Join(", ", hosts)} decomposed out of MAAS"),
            WaitVerdict.Stopped => left.StoppedWaiting($"the hosts to leave MAAS (model {model} removed)"),
            _ => ActionResult.Failed($"model {model} removed, but the hosts did not leave MAAS ({left.Verdict}): {left.Describe()}"),
        };
    }

    /// <summary>The model outlived the budget: name the machines still in it and offer their forced removal, confirmed again.</summary>
    private async Task<ActionResult> LingeringAsync(DestroyModel destroy, CancellationToken ct)
    {
        var model = destroy.Model;
        JujuModelStatus status;
        try
        {
            status = await services.Juju.StatusAsync(model, ct).ConfigureAwait(false);
        }
        catch (JujuException e) when (e.Failure == JujuFailure.ModelNotFound)
        {
            return ActionResult.Done($"model {model} removed just after the {DurationText.Format(options.Wait)} budget");
        }
        if (status.Machines.Count == 0)
            return ActionResult.Unknown($"model {model} is still dying after {DurationText.Format(options.Wait)} with no machine left; re-run to re-observe");
        var lingering = status.Machines.Select(m => $"machine {m.Id} ({Named(m)})").ToList();
        var forced = status.Machines.Select(m => new ForceRemoveMachine(model, m.Id).Planned($"juju remove-machine --force {m.Id} ({Named(m)})"));
        var confirmation = new Confirmation(
            $"Model {model} is still dying after {DurationText.Format(options.Wait)}; lingering: {string.Join(", ", lingering)}. juju remove-machine --force skips " +
            $"the agents' cleanup. Type 'force {model}' to force their removal and destroy the model again", $"force {model}", lingering);
        return new ActionResult(ActionOutcome.Done, $"model {model} still dying after {DurationText.Format(options.Wait)}: {string.Join(", ", lingering)} linger",
            new FollowUp(confirmation, [.. forced, destroy.Planned($"juju destroy-model {model} again, once its lingering machines are forced out")]));
    }

    private static string Named(JujuMachine machine) => machine.Hostname ?? machine.InstanceId ?? "?";

    private async Task<ActionResult> RemoveMachineAsync(RemoveMachine action, CancellationToken ct)
    {
        var (model, machine, force) = (action.Model, action.Machine, action.Force);
        await services.Juju.RemoveMachineAsync(model, machine, new RemoveOptions(KeepInstance: true, Force: force), ct).ConfigureAwait(false);
        var result = await new Wait($"juju machine {machine} leaving {model}", LeavingModel, options.Wait, PollInterval)
            .RunAsync(async token => await MachineInModelAsync(model, machine, token).ConfigureAwait(false), services.Time, context.Progress, ct,
                context.StopWaiting)
            .ConfigureAwait(false);
        return result.Verdict switch
        {
            WaitVerdict.Reached => ActionResult.Done($"machine {machine} removed from {model}; {action.Host} kept its instance"),
            WaitVerdict.Stopped => result.StoppedWaiting($"machine {machine} to leave {model}"),
            _ => ActionResult.Failed($"machine {machine} is still in {model} after {DurationText.Format(options.Wait)}"),
        };
    }

    private async Task<ActionResult> ForceRemoveAsync(ForceRemoveMachine action, CancellationToken ct)
    {
        await services.Juju.RemoveMachineAsync(action.Model, action.Machine, new RemoveOptions(Force: true), ct).ConfigureAwait(false);
        return ActionResult.Done($"juju remove-machine --force {action.Machine} accepted");
    }

    private async Task<ActionResult> DeleteMachineAsync(DeleteMachine action, CancellationToken ct)
    {
        var host = action.Host;
        // While MAAS removes it the machine keeps the status it had; anything else means something else is acting on it.
        var states = WaitStates.Of([action.Status], [Absent], []);
        // A pod machine stays listed while MAAS decomposes it: a DELETE an earlier run sent may be under way, and a second
        // one would ask the rack to decompose the VM again (reference §3.6). Let it finish first.
        if (context.Journal.EarlierInDoubt(services.Site.Cloud.Name, TeardownStep.StepName, action.Planned("")))
        {
            context.Progress.Report($"an earlier run's DELETE of {host} may have been carried out: waiting up to {DurationText.Format(EarlierDeleteGrace)} for it to leave MAAS");
            var earlier = await new Wait($"{host} leaving MAAS", states, EarlierDeleteGrace, PollInterval).RunAsync(
                token => InMaasAsync(host, token), services.Time, context.Progress, ct, context.StopWaiting).ConfigureAwait(false);
            if (earlier.Verdict == WaitVerdict.Reached)
                return ActionResult.Done($"{host} ({action.SystemId}) left MAAS: an earlier run's DELETE was carried out, and none was sent again");
            if (earlier.Verdict == WaitVerdict.Stopped)
                return earlier.StoppedWaiting($"{host} to leave MAAS (an earlier run's DELETE)");
        }
        await DeleteAsync(host, action.SystemId, ct).ConfigureAwait(false);
        var result = await WaitOutOfMaasAsync($"{host} leaving MAAS", [host], states, ct).ConfigureAwait(false);
        return result.Verdict switch
        {
            WaitVerdict.Reached => ActionResult.Done($"{host} ({action.SystemId}) deleted from MAAS"),
            WaitVerdict.Stopped => result.StoppedWaiting($"{host} to leave MAAS"),
            _ => ActionResult.Failed($"{host} was deleted but is still in MAAS ({result.Verdict}): {result.Describe()}"),
        };
    }

    /// <summary>
    /// DELETE is idempotent: what MAAS says it did not do (unavailable, busy) is sent again by <see cref="MaasWrites"/>;
    /// a lost answer is met here by re-reading and, while the machine is still there, sending it again — a bounded
    /// number of times.
    /// </summary>
    private async Task DeleteAsync(string host, string systemId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MaasWrites.SendAsync(() => services.Maas.DeleteMachineAsync(systemId, ct), services.Time, ct, context.Progress, $"DELETE {host}")
                    .ConfigureAwait(false);
                return;
            }
            catch (MaasException e) when (e.Failure == MaasFailure.NotFound)
            {
                context.Progress.Report($"{host} is already gone from MAAS");
                return;
            }
            catch (MaasException e) when (e.Failure == MaasFailure.OutcomeUnknown && attempt < LostAnswerAttempts)
            {
                context.Progress.Report($"DELETE {host}: {e.Message} Re-reading before trying again ({attempt}/{LostAnswerAttempts}).");
                var still = await services.Maas.FindMachinesAsync([host], ct).ConfigureAwait(false);
                if (!still.Any(m => m.SystemId == systemId))
                    return;
            }
        }
    }

    private Task<WaitResult> WaitOutOfMaasAsync(string what, IReadOnlyList<string> hosts, WaitStates states, CancellationToken ct) =>
        new Wait(what, states, options.Wait, PollInterval).RunAsync(token => InMaasAsync(hosts, token), services.Time, context.Progress, ct, context.StopWaiting);

    private async Task<IReadOnlyDictionary<string, string>> InMaasAsync(IReadOnlyList<string> hosts, CancellationToken ct)
    {
        var machines = await services.Maas.FindMachinesAsync(hosts, ct).ConfigureAwait(false);
        return hosts.ToDictionary(h => h, h => machines.FirstOrDefault(m => m.Hostname == h)?.StatusName ?? Absent, StringComparer.Ordinal);
    }

    private Task<IReadOnlyDictionary<string, string>> InMaasAsync(string host, CancellationToken ct) => InMaasAsync([host], ct);

    private async Task<IReadOnlyDictionary<string, string>> MachineInModelAsync(string model, string machine, CancellationToken ct)
    {
        try
        {
            var status = await services.Juju.StatusAsync(model, ct).ConfigureAwait(false);
            return new Dictionary<string, string> { [$"machine {machine}"] = status.Machines.Any(m => m.Id == machine) ? "in the model" : Absent };
        }
        catch (JujuException e) when (e.Failure == JujuFailure.ModelNotFound)
        {
            return new Dictionary<string, string> { [$"machine {machine}"] = Absent };
        }
    }
}
