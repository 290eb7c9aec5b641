using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using static Slate.Runbook.Reenroll.ReenrollAction;

namespace Slate.Runbook.Reenroll;

/// <summary>
/// Creates one missing machine (a lost answer resolved by MAC, never resent), powers and commissions one MAAS left at
/// New, or waits for every host to reach Ready.
/// </summary>
internal sealed class ReenrollApplier(IStepServices services, ReenrollOptions options, Func<SecretText?> password, ActionContext context)
{
    private const string Absent = "absent";
    // Commissioning and testing take minutes on a real MAAS: one read every 10 s is plenty (and the lab's 6 s rehearsal
    // is then always seen Ready on the second poll, so a rehearsal's call count does not depend on the machine's load).
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    // A host that fails commissioning has settled: the others are still waited for, and the gate names every failure.
    // New is where MAAS puts a machine back when it cannot power it (models/node.py _start_bmc_unavailable): settled too.
    private static readonly WaitStates Settled = WaitStates.Of(ReenrollPlanner.Enrolling, ["Ready", "Failed commissioning", "Failed testing", "New"], []);

    public Task<ActionResult> ApplyAsync(ReenrollAction action, CancellationToken ct) => action switch
    {
        Enlist a => EnlistAsync(a, ct),
        Repower a => RepowerAsync(a, ct),
        AwaitReady a => AwaitReadyAsync(a, ct),
        _ => throw new InvalidOperationException($"re-enrolment has no action {action}"),
    };

    private async Task<ActionResult> EnlistAsync(Enlist action, CancellationToken ct)
    {
        var (host, mac) = (action.Host, action.Mac);
        if (password() is not { } secret)
            return ActionResult.Failed("no libvirt SSH password was given (no terminal to ask on, or an empty answer); pass --password-file FILE (mode 0600). Nothing was created.");
        var enlistment = new MachineEnlistment(host, action.Architecture, mac, new VirshPower(action.PowerAddress, action.PowerId, secret));
        try
        {
            var created = await MaasWrites.SendAsync(() => services.Maas.EnlistMachineAsync(enlistment, ct), services.Time, ct,
                context.Progress, $"POST machines {host}").ConfigureAwait(false);
            return ActionResult.Done($"{host} enlisted as {created.SystemId} ({created.StatusName})");
        }
        catch (MaasException e) when (e.Failure == MaasFailure.OutcomeUnknown)
        {
            context.Progress.Report($"POST machines {host}: the answer was lost ({e.Message}); re-reading by MAC {mac} instead of sending it again");
            return await ResolveLostCreateAsync(host, mac, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Both writes may be sent again safely (the same parameters; commissioning a New machine), so a lost answer only asks for a re-run.</summary>
    private async Task<ActionResult> RepowerAsync(Repower action, CancellationToken ct)
    {
        var (host, systemId) = (action.Host, action.SystemId);
        if (password() is not { } secret)
            return ActionResult.Failed("no libvirt SSH password was given (no terminal to ask on, or an empty answer); pass --password-file FILE (mode 0600). Nothing was changed.");
        try
        {
            await MaasWrites.SendAsync(() => services.Maas.SetVirshPowerAsync(systemId, new VirshPower(action.PowerAddress, action.PowerId, secret), ct),
                services.Time, ct, context.Progress, $"PUT machines/{systemId} {host} power").ConfigureAwait(false);
            var commissioned = await MaasWrites.SendAsync(() => services.Maas.CommissionAsync(systemId, ct), services.Time, ct,
                context.Progress, $"POST machines/{systemId} {host} op=commission").ConfigureAwait(false);
            return ActionResult.Done($"{host} ({systemId}) power set again, {commissioned.StatusName}");
        }
        catch (MaasException e) when (e.Failure == MaasFailure.OutcomeUnknown)
        {
            return ActionResult.Unknown($"{host} ({systemId}): the answer was lost ({e.Message}); re-run: the plan re-reads the machine and waits for it or powers it again");
        }
    }

    /// <summary>The create may have happened: the machine holding the MAC is adopted; with none, nothing was created.</summary>
    private async Task<ActionResult> ResolveLostCreateAsync(string host, string mac, CancellationToken ct)
    {
        IReadOnlyList<EnlistedMachine> found;
        try
        {
            found = await services.Maas.FindMachinesByMacAsync([mac], ct).ConfigureAwait(false);
        }
        catch (MaasException e)
        {
            return ActionResult.Unknown($"the answer to POST machines {host} was lost and the re-read by MAC failed ({e.Message}); the next run re-reads by MAC");
        }
        return found.FirstOrDefault() switch
        {
            { } machine when machine.Hostname == host => ActionResult.Done($"{host}: the answer was lost, MAAS has it: adopted {machine.SystemId} ({machine.StatusName}) by MAC {mac}"),
            { } other => ActionResult.Unknown($"{host}: the answer was lost and MAC {mac} is now on {other.Hostname} ({other.SystemId}); re-plan"),
            null => ActionResult.Failed($"{host}: the answer was lost and MAAS has no machine with MAC {mac}: nothing was created; re-run to create it"),
        };
    }

    private async Task<ActionResult> AwaitReadyAsync(AwaitReady action, CancellationToken ct)
    {
        var macs = action.Hosts.ToDictionary(h => h.Host, h => h.Mac, StringComparer.Ordinal);
        var rows = new HostRows(context.Progress, services.Time);
        var result = await new Wait("hosts to Ready", Settled, options.Wait, PollInterval).RunAsync(async token =>
        {
            var machines = await services.Maas.FindMachinesByMacAsync(macs.Values, token).ConfigureAwait(false);
            var states = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (host, mac) in macs)
            {
                var machine = machines.FirstOrDefault(m => m.Hostname == host && m.Macs.Contains(mac));
                states[host] = machine?.StatusName ?? Absent;
                rows.Report(host, machine is null ? Absent : $"{machine.SystemId} {machine.StatusName}{ReenrollPlanner.Message(machine.StatusName, machine.StatusMessage)}");
            }
            return states;
        }, services.Time, rows, ct, context.StopWaiting).ConfigureAwait(false);
        var notReady = rows.Describe(result.States.Where(s => s.Value != "Ready").Select(s => s.Key)) + Unpowered(result.States);
        return result.Verdict switch
        {
            WaitVerdict.Reached when notReady.Length == 0 => ActionResult.Done($"all {result.States.Count} Ready after {DurationText.Format(result.Elapsed)}"),
            // Commissioning ended, just not well: the gate names each host with MAAS's message, and exits 3.
            WaitVerdict.Reached => ActionResult.Done($"commissioning ended after {DurationText.Format(result.Elapsed)}, not all Ready: {notReady}"),
            WaitVerdict.Failed => ActionResult.Failed($"a host left the enlistment path: {notReady}"),
            WaitVerdict.Stopped => result.StoppedWaiting("the hosts to reach Ready"),
            _ => ActionResult.Failed($"not all Ready after {DurationText.Format(options.Wait)}: {notReady}"),
        };
    }

    /// <summary>The hosts MAAS put back to New, with what to do: MAAS could not power them.</summary>
    private static string Unpowered(IReadOnlyDictionary<string, string> states)
    {
        var hosts = states.Where(s => s.Value == "New").Select(s => s.Key).ToList();
        return hosts.Count == 0 ? "" :
            $". MAAS could not power {string.Join(", ", hosts)} and aborted commissioning: check the libvirt SSH password (--password-file) and that the " +
            "rack controller reaches the hypervisor's power address, then re-run `slate reenroll --apply`: it sets the power again and commissions";
    }

    /// <summary>One progress row per host each time its state changes (the wait's own combined line is not shown).</summary>
    private sealed class HostRows(IProgress<string> progress, TimeProvider time) : IProgress<string>
    {
        private readonly DateTimeOffset _started = time.GetUtcNow();
        private readonly Dictionary<string, string> _last = new(StringComparer.Ordinal);

        public void Report(string host, string state)
        {
            if (_last.GetValueOrDefault(host) == state)
                return;
            _last[host] = state;
            var elapsed = time.GetUtcNow() - _started;
            progress.Report($"{host,-12} {state} [{(int)elapsed.TotalMinutes}:{elapsed.Seconds:00}]");
        }

        public string Describe(IEnumerable<string> hosts) => string.Join("; ", hosts.Select(h => $"{h} {_last.GetValueOrDefault(h, Absent)}"));

        void IProgress<string>.Report(string value)
        {
        }
    }
}
