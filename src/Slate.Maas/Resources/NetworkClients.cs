using Slate.Maas.Http;
using Slate.Maas.Models;

namespace Slate.Maas.Resources;

public sealed class SpacesClient
{
    private readonly MaasConnection _connection;

    internal SpacesClient(MaasConnection connection) => _connection = connection;

    /// <summary>All spaces, including MAAS's synthetic <c>undefined</c> space (id -1) when some VLAN has none.</summary>
    public Task<IReadOnlyList<Space>> ListAsync(CancellationToken cancellationToken = default) =>
        _connection.GetAsync("spaces/", null, null, MaasJsonContext.Default.IReadOnlyListSpace, cancellationToken);
}

public sealed class SubnetsClient
{
    private readonly MaasConnection _connection;

    internal SubnetsClient(MaasConnection connection) => _connection = connection;

    public Task<IReadOnlyList<Subnet>> ListAsync(CancellationToken cancellationToken = default) =>
        _connection.GetAsync("subnets/", null, null, MaasJsonContext.Default.IReadOnlyListSubnet, cancellationToken);

    /// <summary>The addresses MAAS has assigned on the subnet, each with the node holding it (api/subnets.py ip_addresses).</summary>
    public Task<IReadOnlyList<SubnetAddress>> ListAddressesAsync(int subnetId, CancellationToken cancellationToken = default) =>
        _connection.GetAsync($"subnets/{subnetId}/", "ip_addresses", null, MaasJsonContext.Default.IReadOnlyListSubnetAddress, cancellationToken);
}

public sealed class FabricsClient
{
    private readonly MaasConnection _connection;

    internal FabricsClient(MaasConnection connection) => _connection = connection;

    public Task<IReadOnlyList<Fabric>> ListAsync(CancellationToken cancellationToken = default) =>
        _connection.GetAsync("fabrics/", null, null, MaasJsonContext.Default.IReadOnlyListFabric, cancellationToken);
}

public sealed class VlansClient
{
    private readonly MaasConnection _connection;

    internal VlansClient(MaasConnection connection) => _connection = connection;

    public Task<IReadOnlyList<Vlan>> ListAsync(int fabricId, CancellationToken cancellationToken = default) =>
        _connection.GetAsync(ResourcePaths.Vlans(fabricId), null, null, MaasJsonContext.Default.IReadOnlyListVlan,
            cancellationToken);
}
