using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using static Slate.Runbook.StaleNetworks.StaleNetworksAction;

namespace Slate.Runbook.StaleNetworks;

/// <summary>Carries out one Step 3 action and re-reads the hypervisor to prove it done.</summary>
internal sealed class StaleNetworksApplier(IStepServices services, ActionContext context)
{
    private IHypervisor Hypervisor => services.Hypervisor;

    public Task<ActionResult> ApplyAsync(StaleNetworksAction action, CancellationToken ct) => action switch
    {
        BackupNetwork a => BackupNetworkAsync(a.Network, ct),
        BackupDomain a => BackupDomainAsync(a.Domain, ct),
        DetachNic a => DetachAsync(a.Domain, a.Mac, ct),
        DestroyNetwork a => DestroyAsync(a.Network, ct),
        UndefineNetwork a => UndefineAsync(a.Network, ct),
        _ => throw new InvalidOperationException($"the network prune has no action {action}"),
    };

    private async Task<ActionResult> BackupNetworkAsync(string name, CancellationToken ct)
    {
        if (await Hypervisor.FindNetworkAsync(name, ct).ConfigureAwait(false) is not { } network)
            return ActionResult.Failed($"network {name} is no longer defined: nothing to back up; re-run to re-plan");
        var file = context.Journal.SaveCapture($"{name}-net.xml", network.Xml);
        return ActionResult.Done($"backed up to {file} (restore: virsh net-define {file})");
    }

    private async Task<ActionResult> BackupDomainAsync(string domain, CancellationToken ct)
    {
        var file = context.Journal.SaveCapture($"{domain}-domain.xml", await Hypervisor.GetDomainXmlAsync(domain, ct).ConfigureAwait(false));
        return ActionResult.Done($"backed up to {file} (restore: virsh define {file})");
    }

    private async Task<ActionResult> DetachAsync(string domain, string mac, CancellationToken ct)
    {
        var state = (await Hypervisor.ListDomainsAsync(ct).ConfigureAwait(false)).FirstOrDefault(d => d.Name == domain)?.State;
        if (state != DomainState.ShutOff)
            return ActionResult.Failed($"domain {domain} is {(state is { } s ? DomainStates.Describe(s) : "gone")} now, not shut off: nothing detached");
        try
        {
            await Hypervisor.DetachInterfaceAsync(domain, mac, ct).ConfigureAwait(false);
        }
        catch (HypervisorException e) when (e.Failure == HypervisorFailure.NoInterface)
        {
            context.Progress.Report($"{domain} has no NIC {mac} any more");
        }
        var devices = await Hypervisor.GetDomainDevicesAsync(domain, ct).ConfigureAwait(false);
        return devices.Interface(mac) is null
            ? ActionResult.Done($"NIC {mac} detached from the persistent definition of {domain}; {devices.Interfaces.Count} NIC(s) left")
            : ActionResult.Unknown($"NIC {mac} is still in the persistent definition of {domain}");
    }

    private async Task<ActionResult> DestroyAsync(string name, CancellationToken ct)
    {
        if (await ReferencesAsync(name, ct).ConfigureAwait(false) is { Length: > 0 } users)
            return ActionResult.Failed($"network {name} is still referenced by {users}: not destroyed");
        if (await Hypervisor.FindNetworkAsync(name, ct).ConfigureAwait(false) is { Active: true })
            await Hypervisor.DestroyNetworkAsync(name, ct).ConfigureAwait(false);
        return await Hypervisor.FindNetworkAsync(name, ct).ConfigureAwait(false) is { Active: true }
            ? ActionResult.Unknown($"network {name} is still active")
            : ActionResult.Done($"network {name} stopped (bridge removed)");
    }

    private async Task<ActionResult> UndefineAsync(string name, CancellationToken ct)
    {
        if (await ReferencesAsync(name, ct).ConfigureAwait(false) is { Length: > 0 } users)
            return ActionResult.Failed($"network {name} is still referenced by {users}: not undefined");
        if (await Hypervisor.FindNetworkAsync(name, ct).ConfigureAwait(false) is not null)
            await Hypervisor.UndefineNetworkAsync(name, ct).ConfigureAwait(false);
        return await Hypervisor.FindNetworkAsync(name, ct).ConfigureAwait(false) is { } left
            ? ActionResult.Unknown($"network {name} is still there ({(left.Active ? "active" : "inactive")})")
            : ActionResult.Done($"network {name} undefined: gone");
    }

    /// <summary>The domains whose persistent definition still has a NIC on the network, read fresh ("" when none).</summary>
    private async Task<string> ReferencesAsync(string name, CancellationToken ct)
    {
        var stale = services.Site.Libvirt.StaleNetworks.First(s => s.Name == name);
        var bridge = (await Hypervisor.FindNetworkAsync(name, ct).ConfigureAwait(false))?.Bridge;
        var users = new List<string>();
        foreach (var devices in await Hypervisor.DevicesOfAsync(await Hypervisor.ListDomainsAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false))
            users.AddRange(devices.Interfaces.Where(i => StaleNic.IsOn(i, stale, bridge)).Select(i => $"{devices.Domain} ({i.Mac})"));
        return string.Join(", ", users);
    }
}
