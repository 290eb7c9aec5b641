using Slate.Lab.Hypervisor;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Tests.Support;

/// <summary>The lab cloud as earlier steps of the runbook leave it, for tests of a later step (the runner holds every step to the order).</summary>
internal static class RunbookStages
{
    /// <summary>The hypervisor as Steps 3 and 4 leave it: no NIC on a stale network, the stale networks undefined, every OSD disk blank.</summary>
    public static void PruneAndWipe(LabHypervisor hypervisor, Site site)
    {
        var stale = site.Libvirt.StaleNetworks.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var host in site.Hosts)
        {
            foreach (var nic in hypervisor.NicsOf(host.Name).Where(n => stale.Contains(n.Network)))
                hypervisor.DetachInterfaceAsync(host.Name, nic.Mac, CancellationToken.None).GetAwaiter().GetResult();
            var osd = site.Osd.FileFor(host, site.Libvirt.ImagesDir);
            hypervisor.DeleteVolumeAsync(osd, CancellationToken.None).GetAwaiter().GetResult();
            hypervisor.CreateVolumeAsync(new VolumeSpec(osd, site.Osd.SizeBytes, site.Osd.Format, site.Osd.Owner, site.Osd.Group, site.Osd.Mode),
                CancellationToken.None).GetAwaiter().GetResult();
        }
        foreach (var network in stale)
        {
            hypervisor.DestroyNetworkAsync(network, CancellationToken.None).GetAwaiter().GetResult();
            hypervisor.UndefineNetworkAsync(network, CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
