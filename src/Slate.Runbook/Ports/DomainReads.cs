namespace Slate.Runbook.Ports;

/// <summary>Reads over every domain of a listing, which other users of the hypervisor may change meanwhile.</summary>
public static class DomainReads
{
    /// <summary>
    /// The persistent devices of each listed domain that is still defined: a domain undefined between the listing and
    /// its read is passed over (it holds nothing any more), never an error.
    /// </summary>
    public static async Task<IReadOnlyList<DomainDevices>> DevicesOfAsync(this IHypervisor hypervisor, IEnumerable<HypervisorDomain> domains, CancellationToken ct)
    {
        var devices = new List<DomainDevices>();
        foreach (var domain in domains)
        {
            try
            {
                devices.Add(await hypervisor.GetDomainDevicesAsync(domain.Name, ct).ConfigureAwait(false));
            }
            catch (HypervisorException e) when (e.Failure == HypervisorFailure.NoDomain)
            {
            }
        }
        return devices;
    }
}
