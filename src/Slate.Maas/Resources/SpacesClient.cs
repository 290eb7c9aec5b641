using Slate.Maas.Http;
using Slate.Maas.Models;

namespace Slate.Maas.Resources;

public sealed class SpacesClient
{
    private readonly MaasConnection _connection;

    internal SpacesClient(MaasConnection connection) => _connection = connection;

    /// <summary>All spaces, including MAAS's synthetic <c>undefined</c> space (id -1) when some VLAN has none.</summary>
    public Task<IReadOnlyList<Space>> ListAsync(CancellationToken ct = default) =>
        _connection.GetAsync("spaces/", null, null, MaasJsonContext.Default.IReadOnlyListSpace, ct);
}
