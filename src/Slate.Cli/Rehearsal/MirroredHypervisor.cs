using Slate.Runbook.Ports;

namespace Slate.Cli.Rehearsal;

/// <summary>
/// The hypervisor of a rehearsal on a real libvirtd: every read from the real one; every write made there and then on
/// the lab's twin, so the lab MAAS (which commissions from the twin's domains) sees the world the steps left.
/// </summary>
internal sealed class MirroredHypervisor(IHypervisor real, IHypervisor twin) : IHypervisor
{
    public Task<IReadOnlyList<HypervisorDomain>> ListDomainsAsync(CancellationToken cancellationToken) => real.ListDomainsAsync(cancellationToken);

    public Task<DomainDevices> GetDomainDevicesAsync(string domain, CancellationToken cancellationToken) =>
        real.GetDomainDevicesAsync(domain, cancellationToken);

    public Task<string> GetDomainXmlAsync(string domain, CancellationToken cancellationToken) => real.GetDomainXmlAsync(domain, cancellationToken);

    public Task<HypervisorNetwork?> FindNetworkAsync(string name, CancellationToken cancellationToken) => real.FindNetworkAsync(name, cancellationToken);

    public Task<StorageVolume?> FindVolumeAsync(string path, CancellationToken cancellationToken) => real.FindVolumeAsync(path, cancellationToken);

    public Task<string> ResolvePathAsync(string path, CancellationToken cancellationToken) => real.ResolvePathAsync(path, cancellationToken);

    public async Task DetachInterfaceAsync(string domain, string mac, CancellationToken cancellationToken)
    {
        await real.DetachInterfaceAsync(domain, mac, cancellationToken).ConfigureAwait(false);
        await twin.DetachInterfaceAsync(domain, mac, cancellationToken).ConfigureAwait(false);
    }

    public async Task DestroyNetworkAsync(string name, CancellationToken cancellationToken)
    {
        await real.DestroyNetworkAsync(name, cancellationToken).ConfigureAwait(false);
        await twin.DestroyNetworkAsync(name, cancellationToken).ConfigureAwait(false);
    }

    public async Task UndefineNetworkAsync(string name, CancellationToken cancellationToken)
    {
        await real.UndefineNetworkAsync(name, cancellationToken).ConfigureAwait(false);
        await twin.UndefineNetworkAsync(name, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteVolumeAsync(string path, CancellationToken cancellationToken)
    {
        await real.DeleteVolumeAsync(path, cancellationToken).ConfigureAwait(false);
        await twin.DeleteVolumeAsync(path, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StorageVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken)
    {
        var created = await real.CreateVolumeAsync(spec, cancellationToken).ConfigureAwait(false);
        await twin.CreateVolumeAsync(spec, cancellationToken).ConfigureAwait(false);
        return created;
    }
}
