namespace Slate.Lab.Juju;

/// <summary>
/// A storage instance of a unit (e.g. <c>osd-devices/0</c> of <c>ceph-osd/0</c>) and the volume that backs it.
/// Detaching it (remove-machine of its unit's machine) leaves it in the model without a unit or machine.
/// </summary>
public sealed class LabJujuStorage(string id, string volumeId, long sizeMiB, bool persistent, string unit, string machine, string location, DateTimeOffset since)
{
    public string Id { get; } = id;
    public string VolumeId { get; } = volumeId;
    public long SizeMiB { get; } = sizeMiB;

    /// <summary>Detachable: it outlives its unit, and destroy-model demands --destroy-storage or --release-storage.</summary>
    public bool Persistent { get; } = persistent;

    public string? Unit { get; set; } = unit;
    public string? Machine { get; set; } = machine;
    public string Location { get; } = location;
    public DateTimeOffset Since { get; set; } = since;
}

/// <summary>A NIC as juju recorded it from the machine when it was provisioned: what status shows as network-interfaces.</summary>
public sealed record LabJujuNetworkInterface(string Name, string MacAddress, IReadOnlyList<string> IpAddresses, string? Space);
