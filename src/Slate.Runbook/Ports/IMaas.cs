namespace Slate.Runbook.Ports;

/// <summary>
/// What the runbook asks of MAAS. Implemented over the real MAAS REST client (also used against the lab).
/// Every failure is a <see cref="MaasException"/>.
/// </summary>
public interface IMaas
{
    Task<string> GetMaasNameAsync(CancellationToken ct);

    Task<IReadOnlyList<MaasSpace>> ListSpacesAsync(CancellationToken ct);

    /// <summary>One filtered read: only the named machines, never the whole machine list.</summary>
    Task<IReadOnlyList<MaasMachine>> FindMachinesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct);

    /// <summary>Deletes the machine (MAAS answers at once; it leaves the listing when it is gone). A pod VM is decomposed.</summary>
    Task DeleteMachineAsync(string systemId, CancellationToken ct);

    /// <summary>One filtered read by MAC (MAAS's mac_address filter): the machines holding any of these MACs, with MAAS's status message.</summary>
    Task<IReadOnlyList<EnlistedMachine>> FindMachinesByMacAsync(IReadOnlyCollection<string> macs, CancellationToken ct);

    /// <summary>
    /// POST machines/ with virsh power; MAAS starts commissioning at once. A lost answer (OutcomeUnknown) may have
    /// created the machine: re-read by MAC before anything else, never send it again blindly.
    /// </summary>
    Task<EnlistedMachine> EnlistMachineAsync(MachineEnlistment enlistment, CancellationToken ct);
}

public sealed record MaasSpace(int Id, string Name, IReadOnlyList<string> Cidrs);

/// <summary>A machine as MAAS has it. Owner is null when no one holds it; PodName is set for a VM host's machine.</summary>
public sealed record MaasMachine(
    string SystemId, string Hostname, int Status, string StatusName, string PowerState, string? PodName, IReadOnlyList<MaasInterface> Interfaces,
    string? Owner = null);

/// <summary>An interface as MAAS has it; parents are names, as MAAS renders them.</summary>
public sealed record MaasInterface(int Id, string Name, string Type, string? MacAddress, IReadOnlyList<string> Parents, IReadOnlyList<MaasLink> Links);

public sealed record MaasLink(int Id, string Mode, string? Cidr, string? IpAddress);
