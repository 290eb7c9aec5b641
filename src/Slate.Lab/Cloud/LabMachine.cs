namespace Slate.Lab.Cloud;

/// <summary>One MAAS machine of the lab. Mutated only by <see cref="LabCloud"/>, under its lock.</summary>
public sealed class LabMachine(string systemId, string hostname)
{
    public string SystemId { get; } = systemId;
    public string Hostname { get; set; } = hostname;
    public NodeStatus Status { get; set; }
    public string? Owner { get; set; }
    public string Architecture { get; set; } = "amd64/generic";
    public string OSystem { get; set; } = "";
    public string DistroSeries { get; set; } = "";
    public string PowerType { get; set; } = "virsh";
    public string PowerState { get; set; } = "off";
    public Dictionary<string, string> PowerParameters { get; } = new(StringComparer.Ordinal);
    public LabPod? Pod { get; set; }

    /// <summary>Composed for an allocation: release or delete removes it from MAAS (and destroys the VM).</summary>
    public bool Dynamic { get; set; }

    /// <summary>Whether commissioning ever completed (a never-commissioned machine releases to New).</summary>
    public bool Commissioned { get; set; }
    public string StatusMessage { get; set; } = "";
    public bool ConstraintsByType { get; set; }

    /// <summary>The machine's NICs: the one place interface data lives.</summary>
    public List<LabInterface> Interfaces { get; } = [];

    public PendingTransition? Pending { get; set; }

    public LabInterface? BootInterface => Interfaces.FirstOrDefault(i => i.Type == InterfaceType.Physical);

    public IEnumerable<LabInterface> ChildrenOf(LabInterface parent) => Interfaces.Where(i => i.Parents.Contains(parent));
}

public enum TransitionKind { FinishCommissioning, FinishDeploying, FinishReleasing }

/// <summary>An asynchronous MAAS transition, applied lazily once the lab clock reaches <see cref="Due"/>.</summary>
public sealed record PendingTransition(TransitionKind Kind, DateTimeOffset Due);
