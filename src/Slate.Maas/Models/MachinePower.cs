namespace Slate.Maas.Models;

/// <summary>What <c>PUT machines/{id}/</c> sets of a virsh machine's power. <see cref="PowerPass"/> is sent in the body only.</summary>
public sealed record MachinePower
{
    public required string PowerAddress { get; init; }
    public required string PowerId { get; init; }
    public MaasSecret? PowerPass { get; init; }
    public string PowerType { get; init; } = "virsh";
}
