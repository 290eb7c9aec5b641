using Slate.Maas.Http;
using Slate.Maas.Models;

namespace Slate.Maas.Resources;

/// <summary>
/// <c>nodes/{system_id}/interfaces/</c>. MAAS only allows these writes while the machine is New, Ready, Failed testing,
/// Allocated or Broken (409 otherwise). <c>parent</c>/<c>vlan</c> params are database ids, not names or VIDs.
/// </summary>
public sealed class InterfacesClient
{
    private readonly MaasConnection _connection;

    internal InterfacesClient(MaasConnection connection) => _connection = connection;

    public Task<IReadOnlyList<MachineInterface>> ListAsync(string systemId, CancellationToken ct = default) =>
        _connection.GetAsync(ResourcePaths.Interfaces(systemId), null, null,
            MaasJsonContext.Default.IReadOnlyListMachineInterface, ct);

    /// <summary>Creating a bridge clears the parent's links and moves the parent onto the bridge's VLAN.</summary>
    public Task<MachineInterface> CreateBridgeAsync(
        string systemId, string name, int parentId, BridgeKind kind, int? vlanId = null,
        CancellationToken ct = default)
    {
        var form = new MaasForm()
            .Add("name", name)
            .Add("parent", parentId)
            .Add("bridge_type", kind == BridgeKind.Ovs ? "ovs" : "standard")
            .Add("vlan", vlanId);
        return Post(systemId, "create_bridge", form, ct);
    }

    /// <summary><paramref name="vlanDbId"/> is the VLAN's database id (<see cref="Vlan.Id"/>), not its VID; without a name MAAS names it PARENT.VID.</summary>
    public Task<MachineInterface> CreateVlanAsync(
        string systemId, int parentId, int vlanDbId, string? name = null, CancellationToken ct = default) =>
        Post(systemId, "create_vlan", new MaasForm().Add("parent", parentId).Add("vlan", vlanDbId).Add("name", name), ct);

    /// <summary>PUT on a bridge: MAAS keeps its links and parents and sets only the bridge parameter given (forms/interface.py BridgeInterfaceForm).</summary>
    public Task<MachineInterface> UpdateBridgeTypeAsync(
        string systemId, int interfaceId, BridgeKind kind, CancellationToken ct = default) =>
        _connection.PutAsync(ResourcePaths.Interface(systemId, interfaceId), new MaasForm().Add("bridge_type", kind == BridgeKind.Ovs ? "ovs" : "standard"),
            MaasJsonContext.Default.MachineInterface, ct);

    /// <summary>
    /// PUT vlan= (the VLAN's database id): MAAS moves the interface and deletes its links, DISCOVERED addresses excepted
    /// (models/signals/interfaces.py interface_vlan_update).
    /// </summary>
    public Task<MachineInterface> UpdateVlanAsync(string systemId, int interfaceId, int vlanDbId, CancellationToken ct = default) =>
        _connection.PutAsync(ResourcePaths.Interface(systemId, interfaceId), new MaasForm().Add("vlan", vlanDbId),
            MaasJsonContext.Default.MachineInterface, ct);

    /// <summary>
    /// With <paramref name="force"/> MAAS accepts a subnet on another VLAN, moves the interface onto it and deletes the
    /// interface's other links (api/interfaces.py link_subnet).
    /// </summary>
    public Task<MachineInterface> LinkSubnetAsync(
        string systemId, int interfaceId, LinkMode mode, int subnetId, string? ipAddress = null, bool force = false,
        CancellationToken ct = default)
    {
        if (ipAddress is not null && mode != LinkMode.Static)
            throw new ArgumentException($"An IP address can only be given for mode STATIC, not {mode}.", nameof(ipAddress));
        var form = new MaasForm().Add("mode", ModeName(mode)).Add("subnet", subnetId).Add("ip_address", ipAddress).Add("force", force ? true : null);
        return _connection.PostAsync(ResourcePaths.Interface(systemId, interfaceId), "link_subnet", form,
            MaasJsonContext.Default.MachineInterface, ct);
    }

    public Task<MachineInterface> UnlinkSubnetAsync(
        string systemId, int interfaceId, int linkId, CancellationToken ct = default) =>
        _connection.PostAsync(ResourcePaths.Interface(systemId, interfaceId), "unlink_subnet", new MaasForm().Add("id", linkId),
            MaasJsonContext.Default.MachineInterface, ct);

    public Task DeleteAsync(string systemId, int interfaceId, CancellationToken ct = default) =>
        _connection.DeleteAsync(ResourcePaths.Interface(systemId, interfaceId), ct);

    private Task<MachineInterface> Post(string systemId, string op, MaasForm form, CancellationToken ct) =>
        _connection.PostAsync(ResourcePaths.Interfaces(systemId), op, form, MaasJsonContext.Default.MachineInterface,
            ct);

    private static string ModeName(LinkMode mode) => mode switch
    {
        LinkMode.Auto => "AUTO",
        LinkMode.Dhcp => "DHCP",
        LinkMode.Static => "STATIC",
        LinkMode.LinkUp => "LINK_UP",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown link mode."),
    };
}
