namespace Slate.Runbook.Ports;

public static class MaasAddressReads
{
    /// <summary>The address rows of each subnet, one read per distinct subnet, by subnet id.</summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<MaasAddress>>> ListAddressesAsync(
        this IMaas maas, IEnumerable<MaasSubnet> subnets, CancellationToken ct)
    {
        var addresses = new Dictionary<int, IReadOnlyList<MaasAddress>>();
        foreach (var subnet in subnets.DistinctBy(s => s.Id))
            addresses[subnet.Id] = await maas.ListSubnetAddressesAsync(subnet.Id, ct).ConfigureAwait(false);
        return addresses;
    }
}
