namespace Slate.Maas.Models;

/// <summary>A machine's network interface. <see cref="Parents"/>/<see cref="Children"/> are interface names, not ids.</summary>
public sealed record MachineInterface
{
    public int Id { get; init; }
    public string Name { get; init; } = "";

    /// <summary><c>physical</c>, <c>bond</c>, <c>bridge</c>, <c>vlan</c>, <c>alias</c> or <c>unknown</c>.</summary>
    public string Type { get; init; } = "";

    public string? SystemId { get; init; }
    public string? MacAddress { get; init; }
    public Vlan? Vlan { get; init; }
    public IReadOnlyList<string> Parents { get; init; } = [];
    public IReadOnlyList<string> Children { get; init; } = [];
    public IReadOnlyList<string>? Tags { get; init; }
    public bool Enabled { get; init; }
    public IReadOnlyList<InterfaceLink> Links { get; init; } = [];
    public InterfaceParams? Params { get; init; }
    public int EffectiveMtu { get; init; }
    public bool? LinkConnected { get; init; }
    public string ResourceUri { get; init; } = "";
}
