using Slate.Lab.Hypervisor;
using Slate.Runbook.Ports;

namespace Slate.Runbook.Tests.Support;

/// <summary>The lab's libvirt with one write that does not happen as asked (or whose NIC was already gone), for read-back checks.</summary>
internal sealed class StubbornHypervisor(LabHypervisor lab) : IHypervisor
{
    public bool GoneBeforeDetach { get; init; }
    public bool IgnoresDetach { get; init; }
    public bool IgnoresDestroy { get; init; }
    public bool IgnoresUndefine { get; init; }
    public bool IgnoresCreate { get; init; }

    /// <summary>Creates volumes with this mode instead of the one asked.</summary>
    public int? CreatesWithMode { get; init; }

    public async Task DetachInterfaceAsync(string domain, string mac, CancellationToken cancellationToken)
    {
        if (IgnoresDetach)
            return;
        await lab.DetachInterfaceAsync(domain, mac, cancellationToken);
        if (GoneBeforeDetach)
            throw new HypervisorException(HypervisorErrorCode.NoInterface, $"operation failed: no interface found with MAC {mac}");
    }

    public Task DestroyNetworkAsync(string name, CancellationToken cancellationToken) => IgnoresDestroy ? Task.CompletedTask : lab.DestroyNetworkAsync(name, cancellationToken);

    public Task UndefineNetworkAsync(string name, CancellationToken cancellationToken) => IgnoresUndefine ? Task.CompletedTask : lab.UndefineNetworkAsync(name, cancellationToken);

    public Task<StorageVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken) => IgnoresCreate
        ? Task.FromResult(new StorageVolume(spec.Path, 0, 0, spec.Format, null, new VolumeOwner(0, null, 0, null), 0))
        : lab.CreateVolumeAsync(spec with { Mode = CreatesWithMode ?? spec.Mode }, cancellationToken);

    public Task<IReadOnlyList<HypervisorDomain>> ListDomainsAsync(CancellationToken cancellationToken) => lab.ListDomainsAsync(cancellationToken);
    public Task<DomainDevices> GetDomainDevicesAsync(string domain, CancellationToken cancellationToken) => lab.GetDomainDevicesAsync(domain, cancellationToken);
    public Task<string> GetDomainXmlAsync(string domain, CancellationToken cancellationToken) => lab.GetDomainXmlAsync(domain, cancellationToken);
    public Task<HypervisorNetwork?> FindNetworkAsync(string name, CancellationToken cancellationToken) => lab.FindNetworkAsync(name, cancellationToken);
    public Task<StorageVolume?> FindVolumeAsync(string path, CancellationToken cancellationToken) => lab.FindVolumeAsync(path, cancellationToken);
    public Task DeleteVolumeAsync(string path, CancellationToken cancellationToken) => lab.DeleteVolumeAsync(path, cancellationToken);
    public Task<string> ResolvePathAsync(string path, CancellationToken cancellationToken) => lab.ResolvePathAsync(path, cancellationToken);
}
