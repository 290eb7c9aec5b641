namespace Slate.Maas.Models;

/// <summary>Server-side filters for <c>GET machines/</c>; every list is sent as repeated keys, empty = no filter.</summary>
public sealed record MachineFilter
{
    public static readonly MachineFilter All = new();

    /// <summary>Exact short hostnames (not FQDNs).</summary>
    public IReadOnlyList<string> Hostnames { get; init; } = [];

    public IReadOnlyList<string> SystemIds { get; init; } = [];
    public IReadOnlyList<MachineStatus> Statuses { get; init; } = [];
    public IReadOnlyList<string> MacAddresses { get; init; } = [];
    public IReadOnlyList<string> Zones { get; init; } = [];
    public IReadOnlyList<string> Pools { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
}
