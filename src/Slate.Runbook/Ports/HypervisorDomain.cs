namespace Slate.Runbook.Ports;

/// <summary>libvirt's virDomainState, same numbering.</summary>
public enum DomainState
{
    NoState = 0,
    Running = 1,
    Blocked = 2,
    Paused = 3,
    ShuttingDown = 4,
    ShutOff = 5,
    Crashed = 6,
    Suspended = 7,
}

public sealed record HypervisorDomain(string Name, DomainState State);

/// <summary>A disk of a persistent domain definition. Device is "disk", "cdrom", ...; Format is the driver type (qcow2, raw).</summary>
public sealed record DomainDisk(string Target, string Device, string? SourcePath, string? Format);

/// <summary>A NIC of a persistent domain definition. Type is libvirt's interface type ("network", "bridge", ...).</summary>
public sealed record DomainInterface(string Mac, string Type, string? Network, string? Bridge, string? Model);

public sealed record DomainDevices(string Domain, IReadOnlyList<DomainDisk> Disks, IReadOnlyList<DomainInterface> Interfaces)
{
    public DomainDisk? Disk(string target) => Disks.FirstOrDefault(d => d.Target == target);

    public DomainInterface? Interface(string mac) =>
        Interfaces.FirstOrDefault(i => string.Equals(i.Mac, mac, StringComparison.OrdinalIgnoreCase));
}
