using Slate.Runbook.Ports;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>The MAAS `bundle check --live` reads: its name, the topology, the hosts and the subnets' address rows. It records each call.</summary>
internal sealed class LiveMaas(
    string maasName, MaasTopology topology, IReadOnlyList<MaasMachine> machines, IReadOnlyDictionary<int, IReadOnlyList<MaasAddress>>? addresses = null)
    : MaasWithoutNetwork
{
    public List<string> Calls { get; } = [];

    public override Task<string> GetMaasNameAsync(CancellationToken ct)
    {
        Calls.Add("maas_name");
        return Task.FromResult(maasName);
    }

    public override Task<MaasTopology> ReadTopologyAsync(CancellationToken ct)
    {
        Calls.Add("topology");
        return Task.FromResult(topology);
    }

    public override Task<IReadOnlyList<MaasMachine>> FindMachinesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct)
    {
        Calls.Add("machines?" + string.Join(",", hostnames));
        return Task.FromResult<IReadOnlyList<MaasMachine>>(machines.Where(m => hostnames.Contains(m.Hostname)).ToList());
    }

    public override Task<IReadOnlyList<MaasAddress>> ListSubnetAddressesAsync(int subnetId, CancellationToken ct)
    {
        Calls.Add($"ip_addresses {subnetId}");
        return Task.FromResult(addresses?.GetValueOrDefault(subnetId) ?? []);
    }

    public override Task<IReadOnlyList<MaasSpace>> ListSpacesAsync(CancellationToken ct) => throw new NotSupportedException("the spaces come with the topology");

    public override Task DeleteMachineAsync(string systemId, CancellationToken ct) => throw new NotSupportedException("the bundle check is read-only");
}
