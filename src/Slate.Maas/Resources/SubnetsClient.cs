using Slate.Maas.Http;
using Slate.Maas.Models;

namespace Slate.Maas.Resources;

public sealed class SubnetsClient
{
    private readonly MaasConnection _connection;

    internal SubnetsClient(MaasConnection connection) => _connection = connection;

    public Task<IReadOnlyList<Subnet>> ListAsync(CancellationToken ct = default) =>
        _connection.GetAsync("subnets/", null, null, MaasJsonContext.Default.IReadOnlyListSubnet, ct);

    /// <summary>The addresses MAAS has assigned on the subnet, each with the node holding it (api/subnets.py ip_addresses).</summary>
    public Task<IReadOnlyList<SubnetAddress>> ListAddressesAsync(int subnetId, CancellationToken ct = default) =>
        _connection.GetAsync($"subnets/{subnetId}/", "ip_addresses", null, MaasJsonContext.Default.IReadOnlyListSubnetAddress, ct);
}
