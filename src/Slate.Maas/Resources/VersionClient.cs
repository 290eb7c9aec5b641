using Slate.Maas.Http;
using Slate.Maas.Models;

namespace Slate.Maas.Resources;

public sealed class VersionClient
{
    private readonly MaasConnection _connection;

    internal VersionClient(MaasConnection connection) => _connection = connection;

    public Task<VersionInfo> GetAsync(CancellationToken ct = default) =>
        _connection.GetAsync("version/", null, null, MaasJsonContext.Default.VersionInfo, ct);
}
