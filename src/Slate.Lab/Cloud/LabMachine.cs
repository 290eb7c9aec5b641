namespace Slate.Lab.Cloud;

/// <summary>One MAAS machine of the lab. Mutated only by the cloud's aggregates, under its lock.</summary>
public sealed class LabMachine(string systemId, string hostname)
{
    public string SystemId { get; } = systemId;
    public string Hostname { get; set; } = hostname;
    public string Description { get; set; } = "";
    public NodeStatus Status { get; set; }

    /// <summary>The status before the last change (mark_fixed returns a machine broken while Deployed to Deployed).</summary>
    public NodeStatus PreviousStatus { get; set; }

    /// <summary>When the current status began, on the lab clock (MAAS fails monitored statuses after a timeout).</summary>
    public DateTimeOffset StatusSince { get; set; }
    public string? Owner { get; set; }
    public string Architecture { get; set; } = "amd64/generic";
    public string OSystem { get; set; } = "";
    public string DistroSeries { get; set; } = "";
    public string PowerType { get; set; } = "virsh";
    public string PowerState { get; set; } = "off";
    public Dictionary<string, string> PowerParameters { get; } = new(StringComparer.Ordinal);
    public LabPod? Pod { get; set; }

    /// <summary>The pod's id for the VM (MAAS's virtualmachine_id); null outside a pod.</summary>
    public int? VirtualMachineId { get; set; }

    /// <summary>Composed by MAAS: release or delete removes it from MAAS (models/node.py _finalize_release).</summary>
    public bool Dynamic { get; set; }

    /// <summary>Whether commissioning ever completed (a never-commissioned machine releases to New).</summary>
    public bool Commissioned { get; set; }
    public string StatusMessage { get; set; } = "";
    public string ErrorDescription { get; set; } = "";
    public bool ConstraintsByType { get; set; }
    public List<string> Tags { get; } = [];

    /// <summary>The boot disk commissioning found (the domain's vda); null until then, or without a domain.</summary>
    public LabBlockDevice? BootDisk { get; set; }

    /// <summary>The link that is the machine's IPv4 default gateway (set_default_gateway); null = MAAS picks.</summary>
    public int? GatewayLinkId { get; set; }

    /// <summary>The machine's NICs: the one place interface data lives.</summary>
    public List<LabInterface> Interfaces { get; } = [];

    public PendingTransition? Pending { get; set; }

    /// <summary>Whether the lab logged that this machine's pending transition is held by the stuck fault.</summary>
    internal bool StuckReported { get; set; }

    /// <summary>The physical NIC the machine boots from (set by commissioning), else its first physical NIC.</summary>
    public LabInterface? BootInterface =>
        Interfaces.Find(i => i.Id == BootInterfaceId) ?? Interfaces.FirstOrDefault(i => i.Type == InterfaceType.Physical);

    public int? BootInterfaceId { get; set; }

    public IEnumerable<LabInterface> ChildrenOf(LabInterface parent) => Interfaces.Where(i => i.Parents.Contains(parent));

    /// <summary>The physical NIC with this MAC, in any letter case (what commissioning reports it by).</summary>
    public LabInterface? PhysicalWithMac(string mac) =>
        Interfaces.Find(i => i.Type == InterfaceType.Physical && string.Equals(i.MacAddress, mac, StringComparison.OrdinalIgnoreCase));
}

public enum TransitionKind { StartCommissioning, AbortUnpowered, FinishCommissioning, FinishTesting, FinishDeploying, FinishDiskErasing, FinishReleasing, FinishDecomposing }

/// <summary>An asynchronous MAAS transition, applied lazily once the lab clock reaches <see cref="Due"/>.</summary>
public sealed record PendingTransition(TransitionKind Kind, DateTimeOffset Due);
