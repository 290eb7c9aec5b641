using Slate.Maas.Http;
using Slate.Maas.Models;

namespace Slate.Maas.Resources;

public sealed class DevicesClient
{
    private readonly MaasConnection _connection;

    internal DevicesClient(MaasConnection connection) => _connection = connection;

    /// <summary>Every device (api/devices.py read), in one read.</summary>
    public Task<IReadOnlyList<Device>> ListAsync(CancellationToken ct = default) =>
        _connection.GetAsync("devices/", null, null, MaasJsonContext.Default.IReadOnlyListDevice, ct);
}
