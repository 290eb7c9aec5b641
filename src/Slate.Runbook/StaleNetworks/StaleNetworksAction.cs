using Slate.Runbook.Core;

namespace Slate.Runbook.StaleNetworks;

/// <summary>What Step 3 does, in the runbook's order: back up, detach each NIC by MAC, then stop and remove each network.</summary>
public abstract record StaleNetworksAction : IStepAction<StaleNetworksAction>
{
    private const string BackupNetworkKind = "backup-network";
    private const string BackupDomainKind = "backup-domain";
    private const string DetachNicKind = "detach-nic";
    private const string DestroyNetworkKind = "destroy-network";
    private const string UndefineNetworkKind = "undefine-network";
    private const string NetworkKey = "network";
    private const string DomainKey = "domain";
    private const string MacKey = "mac";

    private StaleNetworksAction()
    {
    }

    /// <summary>Save the network's definition into the run folder.</summary>
    public sealed record BackupNetwork(string Network) : StaleNetworksAction;

    /// <summary>Save a domain's persistent definition into the run folder.</summary>
    public sealed record BackupDomain(string Domain) : StaleNetworksAction;

    /// <summary>Detach one NIC on a stale network from a host's persistent definition.</summary>
    public sealed record DetachNic(string Domain, string Mac, string Network) : StaleNetworksAction;

    /// <summary>Stop the network once no domain references it.</summary>
    public sealed record DestroyNetwork(string Network) : StaleNetworksAction;

    /// <summary>Remove the network's definition once no domain references it.</summary>
    public sealed record UndefineNetwork(string Network) : StaleNetworksAction;

    public PlannedAction Planned(string description) => this switch
    {
        BackupNetwork a => PlannedAction.Of(BackupNetworkKind, a.Network, description, (NetworkKey, a.Network)) with { ChangesNothing = true },
        BackupDomain a => PlannedAction.Of(BackupDomainKind, a.Domain, description, (DomainKey, a.Domain)) with { ChangesNothing = true },
        DetachNic a => PlannedAction.Of(DetachNicKind, $"{a.Domain} {a.Mac}", description,
            (DomainKey, a.Domain), (MacKey, a.Mac), (NetworkKey, a.Network)),
        DestroyNetwork a => PlannedAction.Of(DestroyNetworkKind, a.Network, description, (NetworkKey, a.Network)),
        UndefineNetwork a => PlannedAction.Of(UndefineNetworkKind, a.Network, description, (NetworkKey, a.Network)),
        _ => throw new InvalidOperationException($"the network prune has no action {GetType().Name}"),
    };

    public static StaleNetworksAction From(PlannedAction planned) => planned.Kind switch
    {
        BackupNetworkKind => new BackupNetwork(planned.Argument(NetworkKey)),
        BackupDomainKind => new BackupDomain(planned.Argument(DomainKey)),
        DetachNicKind => new DetachNic(planned.Argument(DomainKey), planned.Argument(MacKey), planned.Argument(NetworkKey)),
        DestroyNetworkKind => new DestroyNetwork(planned.Argument(NetworkKey)),
        UndefineNetworkKind => new UndefineNetwork(planned.Argument(NetworkKey)),
        _ => throw new InvalidOperationException($"the network prune has no action {planned.Kind}"),
    };
}
