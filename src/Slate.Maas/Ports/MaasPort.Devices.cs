using Slate.Runbook.Ports;

namespace Slate.Maas.Ports;

/// <summary>MAAS's devices: Juju registers one per LXD container, holding the container's addresses.</summary>
public sealed partial class MaasPort
{
    public Task<IReadOnlyList<MaasDevice>> ListDevicesAsync(CancellationToken ct) => Translated(async () =>
        (IReadOnlyList<MaasDevice>)[.. (await client.Devices.ListAsync(ct).ConfigureAwait(false))
            .Select(d => new MaasDevice(d.SystemId, d.Hostname, string.IsNullOrEmpty(d.Parent) ? null : d.Parent, d.IpAddresses))]);
}
