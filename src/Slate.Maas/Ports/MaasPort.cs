using Slate.Maas.Models;
using Slate.Runbook.Ports;

namespace Slate.Maas.Ports;

/// <summary>The runbook's MAAS port over the REST client: the same code against a real MAAS and against the lab.</summary>
public sealed class MaasPort(MaasClient client) : IMaas
{
    /// <summary>Hostnames per filtered read: 400 of them overflow the request line servers accept (measured: 414 from Kestrel).</summary>
    internal const int HostnamesPerRead = 50;

    public Task<string> GetMaasNameAsync(CancellationToken ct) => client.Config.GetMaasNameAsync(ct);

    public async Task<IReadOnlyList<MaasSpace>> ListSpacesAsync(CancellationToken ct)
    {
        var spaces = await client.Spaces.ListAsync(ct).ConfigureAwait(false);
        return spaces.Select(s => new MaasSpace(s.Id, s.Name, s.Subnets.Select(n => n.Cidr).ToList())).ToList();
    }

    public async Task<IReadOnlyList<MaasMachine>> FindMachinesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct)
    {
        var found = new List<MaasMachine>();
        foreach (var chunk in hostnames.Chunk(HostnamesPerRead))
        {
            var machines = await client.Machines.ListAsync(new MachineFilter { Hostnames = chunk }, ct).ConfigureAwait(false);
            found.AddRange(machines.Select(ToPort));
        }
        return found;
    }

    private static MaasMachine ToPort(Machine m) => new(
        m.SystemId, m.Hostname, (int)m.Status, m.StatusName, m.PowerState ?? "unknown", m.Pod?.Name,
        m.InterfaceSet.Select(i => new MaasInterface(i.Id, i.Name, i.Type, i.MacAddress, i.Parents,
            i.Links.Select(l => new MaasLink(l.Id, l.Mode, l.Subnet?.Cidr, l.IpAddress)).ToList())).ToList());
}
