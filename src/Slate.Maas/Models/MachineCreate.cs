namespace Slate.Maas.Models;

/// <summary>What <c>POST machines/</c> needs for a virsh machine. <see cref="PowerPass"/> is sent in the body only.</summary>
public sealed record MachineCreate
{
    public required string Hostname { get; init; }
    public required string Architecture { get; init; }
    public required IReadOnlyList<string> MacAddresses { get; init; }
    public required string PowerAddress { get; init; }
    public required string PowerId { get; init; }
    public MaasSecret? PowerPass { get; init; }
    public string PowerType { get; init; } = "virsh";

    /// <summary>MAAS's default: an admin's new machine starts commissioning at once.</summary>
    public bool Commission { get; init; } = true;

    public string? Description { get; init; }
    public string? Domain { get; init; }
    public string? Zone { get; init; }
    public string? Pool { get; init; }
}
