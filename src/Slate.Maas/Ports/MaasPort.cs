using Slate.Maas.Models;
using Slate.Runbook.Ports;

namespace Slate.Maas.Ports;

/// <summary>The runbook's MAAS port over the REST client: the same code against a real MAAS and against the lab.</summary>
public sealed class MaasPort(MaasClient client) : IMaas
{
    public Task<string> GetMaasNameAsync(CancellationToken ct) => client.Config.GetMaasNameAsync(ct);

    public async Task<IReadOnlyList<MaasSpace>> ListSpacesAsync(CancellationToken ct)
    {
        var spaces = await client.Spaces.ListAsync(ct).ConfigureAwait(false);
        return spaces.Select(s => new MaasSpace(s.Id, s.Name, s.Subnets.Select(n => n.Cidr).ToList())).ToList();
    }

    public async Task<IReadOnlyList<MaasMachine>> FindMachinesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct)
    {
        if (hostnames.Count == 0) return [];
        var machines = await client.Machines.ListAsync(new MachineFilter { Hostnames = [.. hostnames] }, ct).ConfigureAwait(false);
        return machines.Select(ToPort).ToList();
    }

    private static MaasMachine ToPort(Machine m) => new(
        m.SystemId, m.Hostname, (int)m.Status, m.StatusName, m.PowerState ?? "unknown", m.Pod?.Name,
        m.InterfaceSet.Select(i => new MaasInterface(i.Id, i.Name, i.Type, i.MacAddress, i.Parents,
            i.Links.Select(l => new MaasLink(l.Id, l.Mode, l.Subnet?.Cidr, l.IpAddress)).ToList())).ToList());
}
