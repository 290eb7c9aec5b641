namespace Slate.Lab.Juju;

/// <summary>One model of the lab controller. Mutated only by <see cref="LabJujuController"/>, under the cloud's lock.</summary>
public sealed class LabJujuModel(string name, string uuid, bool isController, DateTimeOffset since)
{
    public string Name { get; } = name;
    public string Owner => "admin";
    public string QualifiedName => $"{Owner}/{Name}";
    public string Uuid { get; } = uuid;
    public bool IsController { get; } = isController;
    public DateTimeOffset Since { get; set; } = since;

    /// <summary><c>alive</c> or <c>dying</c>; a dead model is no longer listed.</summary>
    public string Life { get; set; } = "alive";

    /// <summary>The destroy-model under way, if any.</summary>
    public LabJujuDestruction? Destruction { get; set; }

    public List<LabJujuMachine> Machines { get; } = [];
    public List<LabJujuApplication> Applications { get; } = [];
    public List<LabJujuRelation> Relations { get; } = [];
    public List<LabJujuStorage> Storage { get; } = [];

    public LabJujuApplication? Application(string name) => Applications.Find(a => a.Name == name);

    /// <summary>The address juju shows for a machine or a container (N/lxd/M), or null.</summary>
    public string? AddressOf(string? machineId) =>
        Machines.Find(m => m.Id == machineId)?.DnsName
        ?? Machines.SelectMany(m => m.Containers).FirstOrDefault(c => c.Id == machineId)?.IpAddresses.FirstOrDefault();
}

/// <summary>A MAAS-provisioned machine of a model: its instance id is the MAAS system_id.</summary>
public sealed class LabJujuMachine(
    string id, string instanceId, string hostname, string dnsName, IReadOnlyList<string> ipAddresses, DateTimeOffset since,
    IReadOnlyList<LabJujuNetworkInterface>? networkInterfaces = null)
{
    public string Id { get; } = id;
    public string InstanceId { get; } = instanceId;
    public string Hostname { get; } = hostname;
    public string DnsName { get; } = dnsName;
    public IReadOnlyList<string> IpAddresses { get; } = ipAddresses;
    public IReadOnlyList<LabJujuNetworkInterface> NetworkInterfaces { get; } = networkInterfaces ?? [];
    public List<LabJujuContainer> Containers { get; } = [];
    public DateTimeOffset Since { get; set; } = since;
    public string Life { get; set; } = "alive";

    /// <summary>When a dying machine leaves its model; null while it is alive, or dying and lingering.</summary>
    public DateTimeOffset? RemovalDue { get; set; }
}

/// <summary>An application; a subordinate one names its principal in <see cref="SubordinateTo"/> and its units have no machine.</summary>
public sealed class LabJujuApplication(string name, string charm, string channel, int revision, string? subordinateTo)
{
    public string Name { get; } = name;
    public string Charm { get; } = charm;
    public string Channel { get; } = channel;
    public int Revision { get; } = revision;
    public string? SubordinateTo { get; } = subordinateTo;
    public List<LabJujuUnit> Units { get; } = [];
}

/// <summary>A unit: principal units sit on a machine or one of its containers (N/lxd/M), subordinate units on a principal unit.</summary>
public sealed record LabJujuUnit(string Name, string? Machine, string? Principal, bool Leader);

/// <summary>A relation between two endpoints; a peer relation names the same application on both sides.</summary>
public sealed record LabJujuRelation(string Application1, string Endpoint1, string Application2, string Endpoint2);
