using Slate.Maas.Http;
using Slate.Maas.Models;

namespace Slate.Maas.Resources;

public sealed class VlansClient
{
    private readonly MaasConnection _connection;

    internal VlansClient(MaasConnection connection) => _connection = connection;

    public Task<IReadOnlyList<Vlan>> ListAsync(int fabricId, CancellationToken ct = default) =>
        _connection.GetAsync(ResourcePaths.Vlans(fabricId), null, null, MaasJsonContext.Default.IReadOnlyListVlan,
            ct);
}
