namespace Slate.Maas.Models;

/// <summary>A machine's (or VM host's) power parameters as <c>op=power_parameters</c> returns them, password kept secret.</summary>
public sealed record PowerParameters
{
    /// <summary>For virsh: <c>qemu+ssh://user@host/system</c>.</summary>
    public string? PowerAddress { get; init; }

    /// <summary>For virsh: the libvirt domain name.</summary>
    public string? PowerId { get; init; }

    public string? PowerUser { get; init; }
    public MaasSecret? PowerPass { get; init; }
}
