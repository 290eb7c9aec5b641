namespace Slate.Runbook.Ports;

/// <summary>
/// The libvirt host the runbook's Steps 1, 3 and 4 act on. Domain devices are always read from the persistent
/// (inactive) definition, and detaching changes only that definition, never a running guest.
/// Failures throw <see cref="HypervisorException"/>.
/// </summary>
public interface IHypervisor
{
    Task<IReadOnlyList<HypervisorDomain>> ListDomainsAsync(CancellationToken ct);

    /// <summary>Disks and NICs of the domain's persistent definition. Throws NoDomain when it is not defined.</summary>
    Task<DomainDevices> GetDomainDevicesAsync(string domain, CancellationToken ct);

    /// <summary>The domain's persistent definition as libvirt renders it: a backup `virsh define FILE` restores. Throws NoDomain.</summary>
    Task<string> GetDomainXmlAsync(string domain, CancellationToken ct);

    /// <summary>Removes the NIC with this MAC from the persistent definition only. Throws NoDomain or NoInterface.</summary>
    Task DetachInterfaceAsync(string domain, string mac, CancellationToken ct);

    /// <summary>The network, or null when no network of that name is defined or running.</summary>
    Task<HypervisorNetwork?> FindNetworkAsync(string name, CancellationToken ct);

    /// <summary>Stops an active network (the definition stays). Throws NoNetwork.</summary>
    Task DestroyNetworkAsync(string name, CancellationToken ct);

    /// <summary>Removes a network's persistent definition. Throws NoNetwork.</summary>
    Task UndefineNetworkAsync(string name, CancellationToken ct);

    /// <summary>The storage volume backed by this file, or null when no pool holds such a volume.</summary>
    Task<StorageVolume?> FindVolumeAsync(string path, CancellationToken ct);

    /// <summary>Deletes the volume and its file. Throws NoVolume.</summary>
    Task DeleteVolumeAsync(string path, CancellationToken ct);

    /// <summary>
    /// The path as the hypervisor host's file system resolves it: absolute, without `.` or `..`, every symbolic link on
    /// the way followed (see <see cref="HostPath"/>); a part that does not exist is kept as written.
    /// </summary>
    Task<string> ResolvePathAsync(string path, CancellationToken ct);

    /// <summary>Creates the volume in the pool whose target directory holds <see cref="VolumeSpec.Path"/>. Throws NoPool.</summary>
    Task<StorageVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken ct);
}
