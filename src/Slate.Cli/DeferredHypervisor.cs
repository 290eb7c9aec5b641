using Slate.Runbook.Ports;

namespace Slate.Cli;

/// <summary>
/// Connects on first use, so an unreachable hypervisor surfaces inside the step (as a finding next to the MAAS
/// baseline) instead of stopping the command before it has shown anything.
/// </summary>
internal sealed class DeferredHypervisor(Func<IHypervisor> connect) : IHypervisor, IDisposable
{
    private IHypervisor? _connected;

    private IHypervisor Connected => _connected ??= connect();

    public Task<IReadOnlyList<HypervisorDomain>> ListDomainsAsync(CancellationToken ct) => Connected.ListDomainsAsync(ct);

    public Task<DomainDevices> GetDomainDevicesAsync(string domain, CancellationToken ct) => Connected.GetDomainDevicesAsync(domain, ct);

    public Task<string> GetDomainXmlAsync(string domain, CancellationToken ct) => Connected.GetDomainXmlAsync(domain, ct);

    public Task<string> ResolvePathAsync(string path, CancellationToken ct) => Connected.ResolvePathAsync(path, ct);

    public Task DetachInterfaceAsync(string domain, string mac, CancellationToken ct) => Connected.DetachInterfaceAsync(domain, mac, ct);

    public Task<HypervisorNetwork?> FindNetworkAsync(string name, CancellationToken ct) => Connected.FindNetworkAsync(name, ct);

    public Task DestroyNetworkAsync(string name, CancellationToken ct) => Connected.DestroyNetworkAsync(name, ct);

    public Task UndefineNetworkAsync(string name, CancellationToken ct) => Connected.UndefineNetworkAsync(name, ct);

    public Task<StorageVolume?> FindVolumeAsync(string path, CancellationToken ct) => Connected.FindVolumeAsync(path, ct);

    public Task DeleteVolumeAsync(string path, CancellationToken ct) => Connected.DeleteVolumeAsync(path, ct);

    public Task<StorageVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken ct) => Connected.CreateVolumeAsync(spec, ct);

    public void Dispose() => (_connected as IDisposable)?.Dispose();
}
