using Slate.Maas.Http;
using Slate.Maas.Models;

namespace Slate.Maas.Resources;

public sealed class FabricsClient
{
    private readonly MaasConnection _connection;

    internal FabricsClient(MaasConnection connection) => _connection = connection;

    public Task<IReadOnlyList<Fabric>> ListAsync(CancellationToken ct = default) =>
        _connection.GetAsync("fabrics/", null, null, MaasJsonContext.Default.IReadOnlyListFabric, ct);
}
