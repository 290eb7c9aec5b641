using Slate.Maas.Http;
using Slate.Maas.Models;

namespace Slate.Maas.Resources;

public sealed class IpRangesClient
{
    private readonly MaasConnection _connection;

    internal IpRangesClient(MaasConnection connection) => _connection = connection;

    /// <summary>Every IP range of every subnet, dynamic and reserved (api/ipranges.py read).</summary>
    public Task<IReadOnlyList<IpRange>> ListAsync(CancellationToken ct = default) =>
        _connection.GetAsync("ipranges/", null, null, MaasJsonContext.Default.IReadOnlyListIpRange, ct);
}
