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

    public async Task DetachInterfaceAsync(string domain, string mac, CancellationToken ct)
    {
        if (IgnoresDetach)
            return;
        await lab.DetachInterfaceAsync(domain, mac, ct);
        if (GoneBeforeDetach)
            throw new HypervisorException(HypervisorFailure.NoInterface, $"operation failed: no interface found with MAC {mac}");
    }

    public Task DestroyNetworkAsync(string name, CancellationToken ct) => IgnoresDestroy ? Task.CompletedTask : lab.DestroyNetworkAsync(name, ct);

    public Task UndefineNetworkAsync(string name, CancellationToken ct) => IgnoresUndefine ? Task.CompletedTask : lab.UndefineNetworkAsync(name, ct);

    public Task<StorageVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken ct) => IgnoresCreate
        ? Task.FromResult(new StorageVolume(spec.Path, 0, 0, spec.Format, null, new VolumeOwner(0, null, 0, null), 0))
        : lab.CreateVolumeAsync(spec with { Mode = CreatesWithMode ?? spec.Mode }, ct);

    public Task<IReadOnlyList<HypervisorDomain>> ListDomainsAsync(CancellationToken ct) => lab.ListDomainsAsync(ct);
    public Task<DomainDevices> GetDomainDevicesAsync(string domain, CancellationToken ct) => lab.GetDomainDevicesAsync(domain, ct);
    public Task<string> GetDomainXmlAsync(string domain, CancellationToken ct) => lab.GetDomainXmlAsync(domain, ct);
    public Task<HypervisorNetwork?> FindNetworkAsync(string name, CancellationToken ct) => lab.FindNetworkAsync(name, ct);
    public Task<StorageVolume?> FindVolumeAsync(string path, CancellationToken ct) => lab.FindVolumeAsync(path, ct);
    public Task DeleteVolumeAsync(string path, CancellationToken ct) => lab.DeleteVolumeAsync(path, ct);
    public Task<string> ResolvePathAsync(string path, CancellationToken ct) => lab.ResolvePathAsync(path, ct);
}
