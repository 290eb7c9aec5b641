using Slate.Runbook.Ports;

namespace Slate.Cli.Rehearsal;

/// <summary>
/// The hypervisor of a rehearsal on a real libvirtd: every read from the real one; every write made there and then on
/// the lab's twin, so the lab MAAS (which commissions from the twin's domains) sees the world the steps left.
/// </summary>
internal sealed class MirroredHypervisor(IHypervisor real, IHypervisor twin) : IHypervisor
{
    public Task<IReadOnlyList<HypervisorDomain>> ListDomainsAsync(CancellationToken ct) => real.ListDomainsAsync(ct);

    public Task<DomainDevices> GetDomainDevicesAsync(string domain, CancellationToken ct) =>
        real.GetDomainDevicesAsync(domain, ct);

    public Task<string> GetDomainXmlAsync(string domain, CancellationToken ct) => real.GetDomainXmlAsync(domain, ct);

    public Task<HypervisorNetwork?> FindNetworkAsync(string name, CancellationToken ct) => real.FindNetworkAsync(name, ct);

    public Task<StorageVolume?> FindVolumeAsync(string path, CancellationToken ct) => real.FindVolumeAsync(path, ct);

    public Task<string> ResolvePathAsync(string path, CancellationToken ct) => real.ResolvePathAsync(path, ct);

    public async Task DetachInterfaceAsync(string domain, string mac, CancellationToken ct)
    {
        await real.DetachInterfaceAsync(domain, mac, ct).ConfigureAwait(false);
        await twin.DetachInterfaceAsync(domain, mac, ct).ConfigureAwait(false);
    }

    public async Task DestroyNetworkAsync(string name, CancellationToken ct)
    {
        await real.DestroyNetworkAsync(name, ct).ConfigureAwait(false);
        await twin.DestroyNetworkAsync(name, ct).ConfigureAwait(false);
    }

    public async Task UndefineNetworkAsync(string name, CancellationToken ct)
    {
        await real.UndefineNetworkAsync(name, ct).ConfigureAwait(false);
        await twin.UndefineNetworkAsync(name, ct).ConfigureAwait(false);
    }

    public async Task DeleteVolumeAsync(string path, CancellationToken ct)
    {
        await real.DeleteVolumeAsync(path, ct).ConfigureAwait(false);
        await twin.DeleteVolumeAsync(path, ct).ConfigureAwait(false);
    }

    public async Task<StorageVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken ct)
    {
        var created = await real.CreateVolumeAsync(spec, ct).ConfigureAwait(false);
        await twin.CreateVolumeAsync(spec, ct).ConfigureAwait(false);
        return created;
    }
}
