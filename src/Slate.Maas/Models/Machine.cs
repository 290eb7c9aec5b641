namespace Slate.Maas.Models;

/// <summary>A machine as MAAS renders it. Power parameters are never part of it (see <see cref="PowerParameters"/>).</summary>
public sealed record Machine
{
    public string SystemId { get; init; } = "";
    public string Hostname { get; init; } = "";
    public string? Fqdn { get; init; }
    public string? Description { get; init; }
    public MachineStatus Status { get; init; }
    public string StatusName { get; init; } = "";
    public string? StatusMessage { get; init; }
    public string? Owner { get; init; }
    public bool? Locked { get; init; }

    /// <summary><c>on</c>, <c>off</c>, <c>unknown</c> or <c>error</c>.</summary>
    public string? PowerState { get; init; }

    public string? PowerType { get; init; }
    public string? Architecture { get; init; }
    public string? Osystem { get; init; }
    public string? DistroSeries { get; init; }
    public int CpuCount { get; init; }
    public long Memory { get; init; }
    public double Storage { get; init; }
    public string? HardwareUuid { get; init; }
    public IReadOnlyList<string> TagNames { get; init; } = [];
    public IReadOnlyList<string> IpAddresses { get; init; } = [];
    public IReadOnlyList<MachineInterface> InterfaceSet { get; init; } = [];
    public MachineInterface? BootInterface { get; init; }

    /// <summary>Set when the machine's BMC is a VM host: deleting such a machine destroys the VM and its disks.</summary>
    public MachinePod? Pod { get; init; }

    public Zone? Zone { get; init; }
    public ResourcePool? Pool { get; init; }
    public IReadOnlyDictionary<string, string>? OwnerData { get; init; }
    public string ResourceUri { get; init; } = "";
}
