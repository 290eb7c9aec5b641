using Slate.Maas.Http;
using Slate.Maas.Models;

namespace Slate.Maas.Resources;

public sealed class ConfigClient
{
    private readonly MaasConnection _connection;

    internal ConfigClient(MaasConnection connection) => _connection = connection;

    /// <summary>The region's <c>maas_name</c>, used to check that Slate talks to the intended cloud.</summary>
    public Task<string> GetMaasNameAsync(CancellationToken ct = default) =>
        _connection.GetAsync(
            "maas/", "get_config", new MaasForm().Add("name", "maas_name"), MaasJsonContext.Default.String,
            ct);
}
