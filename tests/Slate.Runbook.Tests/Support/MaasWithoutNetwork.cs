using Slate.Runbook.Ports;

namespace Slate.Runbook.Tests.Support;

/// <summary>A base for fakes of the machine side of MAAS: the network side (Steps 6 and 7) answers that it is not there, but for the reads a fake overrides.</summary>
internal abstract class MaasWithoutNetwork : IMaas
{
    public abstract Task<string> GetMaasNameAsync(CancellationToken ct);

    public abstract Task<IReadOnlyList<MaasSpace>> ListSpacesAsync(CancellationToken ct);

    public abstract Task<IReadOnlyList<MaasMachine>> FindMachinesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct);

    public abstract Task DeleteMachineAsync(string systemId, CancellationToken ct);

    public virtual Task<MaasTopology> ReadTopologyAsync(CancellationToken ct) => throw Absent();

    public virtual Task<IReadOnlyList<MaasDevice>> ListDevicesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<MaasDevice>>(Devices);

    /// <summary>The devices MAAS lists (none unless a test adds them).</summary>
    public List<MaasDevice> Devices { get; } = [];

    public virtual Task<IReadOnlyList<MaasAddress>> ListSubnetAddressesAsync(int subnetId, CancellationToken ct) => throw Absent();

    public Task<MaasInterface> CreateBridgeAsync(string systemId, string name, int parentId, string bridgeType, CancellationToken ct) => throw Absent();

    public Task<MaasInterface> CreateVlanInterfaceAsync(string systemId, string name, int parentId, int vlanId, CancellationToken ct) => throw Absent();

    public Task<MaasInterface> SetVlanAsync(string systemId, int interfaceId, int vlanId, CancellationToken ct) => throw Absent();

    public Task<MaasInterface> SetBridgeTypeAsync(string systemId, int interfaceId, string bridgeType, CancellationToken ct) => throw Absent();

    public Task<MaasInterface> LinkStaticAsync(string systemId, int interfaceId, int subnetId, string ipAddress, bool force, CancellationToken ct) => throw Absent();

    public Task<MaasInterface> UnlinkAsync(string systemId, int interfaceId, int linkId, CancellationToken ct) => throw Absent();

    public Task DeleteInterfaceAsync(string systemId, int interfaceId, CancellationToken ct) => throw Absent();

    public virtual Task<IReadOnlyList<EnlistedMachine>> FindMachinesByMacAsync(IReadOnlyCollection<string> macs, CancellationToken ct) => throw Absent();

    public virtual Task<EnlistedMachine> EnlistMachineAsync(MachineEnlistment enlistment, CancellationToken ct) => throw Absent();

    public virtual Task SetVirshPowerAsync(string systemId, VirshPower power, CancellationToken ct) => throw Absent();

    public virtual Task<EnlistedMachine> CommissionAsync(string systemId, CancellationToken ct) => throw Absent();

    private NotSupportedException Absent() => new($"{GetType().Name} fakes machines only");
}
