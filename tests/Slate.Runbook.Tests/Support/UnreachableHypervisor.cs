using Slate.Runbook.Ports;

namespace Slate.Runbook.Tests.Support;

/// <summary>
/// A libvirt that does not answer: every call fails as the adapter fails when the daemon is down. Given
/// <paramref name="listedBy"/>, the domain list is still read from it (a daemon that drops right after the first call).
/// </summary>
internal sealed class UnreachableHypervisor(IHypervisor? listedBy = null) : IHypervisor
{
    private static HypervisorException Down => new(HypervisorFailure.Unreachable, "cannot connect to libvirt at qemu:///system: Failed to connect socket");

    public Task<IReadOnlyList<HypervisorDomain>> ListDomainsAsync(CancellationToken ct) =>
        listedBy is null ? throw Down : listedBy.ListDomainsAsync(ct);
    public Task<DomainDevices> GetDomainDevicesAsync(string domain, CancellationToken ct) => throw Down;
    public Task<string> GetDomainXmlAsync(string domain, CancellationToken ct) => throw Down;
    public Task DetachInterfaceAsync(string domain, string mac, CancellationToken ct) => throw Down;
    public Task<HypervisorNetwork?> FindNetworkAsync(string name, CancellationToken ct) => throw Down;
    public Task DestroyNetworkAsync(string name, CancellationToken ct) => throw Down;
    public Task UndefineNetworkAsync(string name, CancellationToken ct) => throw Down;
    public Task<StorageVolume?> FindVolumeAsync(string path, CancellationToken ct) => throw Down;
    public Task DeleteVolumeAsync(string path, CancellationToken ct) => throw Down;
    public Task<string> ResolvePathAsync(string path, CancellationToken ct) => throw Down;
    public Task<StorageVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken ct) => throw Down;
}
