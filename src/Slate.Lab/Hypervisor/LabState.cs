using Slate.Runbook.Ports;

namespace Slate.Lab.Hypervisor;

internal sealed class LabDomain(string name, IReadOnlyList<DomainDisk> disks, IEnumerable<LabNic> nics)
{
    public string Name { get; } = name;
    public DomainState State { get; set; } = DomainState.Running;
    public IReadOnlyList<DomainDisk> Disks { get; } = disks;
    public List<LabNic> Nics { get; } = [.. nics];
}

internal sealed class LabNetwork(string name, string bridge)
{
    public string Name { get; } = name;
    public string Bridge { get; } = bridge;
    public bool Active { get; set; } = true;
    public bool Persistent { get; set; } = true;
}

/// <summary>Everything the lab hypervisor holds; guarded by LabHypervisor's lock.</summary>
internal sealed class LabState
{
    public Dictionary<string, LabDomain> Domains { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, LabNetwork> Networks { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, StorageVolume> Volumes { get; } = new(StringComparer.Ordinal);
    public HashSet<string> PoolDirectories { get; } = new(StringComparer.Ordinal);

    /// <summary>Symbolic links on the lab host: link path → target as written.</summary>
    public Dictionary<string, string> Links { get; } = new(StringComparer.Ordinal);
}
