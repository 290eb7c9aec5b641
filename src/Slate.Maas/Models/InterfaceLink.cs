namespace Slate.Maas.Models;

/// <summary>An IP link of an interface. <see cref="IpAddress"/> is absent for AUTO links before deploy;
/// <see cref="Subnet"/> is absent for a subnet-less link_up.</summary>
public sealed record InterfaceLink
{
    public int Id { get; init; }

    /// <summary><c>auto</c>, <c>dhcp</c>, <c>static</c> or <c>link_up</c>.</summary>
    public string Mode { get; init; } = "";

    public string? IpAddress { get; init; }
    public Subnet? Subnet { get; init; }
}
