using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Lab.Hypervisor;

/// <summary>
/// The runbook's baseline hypervisor for a site: every host a running domain with an OS disk (vda) and an OSD disk
/// (vdb, owned libvirt-qemu:kvm 0644 and well filled), one NIC per physical interface and one idle NIC per stale network.
/// </summary>
internal static class LabSeed
{
    private const long OsDiskBytes = 64L << 30;
    private const long OsDiskUsedBytes = 9L << 30;
    private const long OsdUsedBytes = 137L << 30;

    public static LabState Build(Site site)
    {
        var state = new LabState();
        var images = site.Libvirt.ImagesDir.TrimEnd('/');
        state.PoolDirectories.Add(images);
        foreach (var stale in site.Libvirt.StaleNetworks) state.Networks[stale.Name] = new LabNetwork(stale.Name, stale.Bridge);
        foreach (var host in site.Hosts)
        {
            var osDisk = $"{images}/{host.Name}.qcow2";
            var osdDisk = site.Osd.FileFor(host, images);
            state.Volumes[osDisk] = BaselineVolume(osDisk, OsDiskBytes, OsDiskUsedBytes);
            state.Volumes[osdDisk] = BaselineVolume(osdDisk, site.Osd.SizeBytes, OsdUsedBytes);
            DomainDisk[] disks = [new("vda", "disk", osDisk, "qcow2"), new(site.Osd.Device, "disk", osdDisk, "qcow2")];
            state.Domains[host.Name] = new LabDomain(host.Name, disks, Nics(site, host));
        }
        return state;
    }

    private static StorageVolume BaselineVolume(string path, long capacity, long allocation) =>
        new(path, capacity, allocation, "qcow2", "1.1", LabAccounts.Owner("libvirt-qemu", "kvm"), Convert.ToInt32("644", 8));

    /// <summary>
    /// One NIC per physical interface of the site's template, on the PCI bus its kernel name says (enp7s0: bus 7), then
    /// one per stale network on the next free buses. The first carries the host's provider MAC when the site gives one.
    /// </summary>
    private static IEnumerable<LabNic> Nics(Site site, Host host)
    {
        var physical = site.Interfaces.Where(i => i.Kind == InterfaceKind.Physical).ToList();
        var bus = 1;
        for (var i = 0; i < physical.Count; i++)
        {
            var mac = i == 0 && host.ProviderMac is { } provider ? provider : LabMacs.For(host.Number, i);
            bus = PciBusOf(physical[i].Name) ?? bus;
            yield return new LabNic(mac, NetworkOf(site, physical[i]), bus++);
        }
        for (var j = 0; j < site.Libvirt.StaleNetworks.Count; j++)
        {
            yield return new LabNic(LabMacs.For(host.Number, physical.Count + j), site.Libvirt.StaleNetworks[j].Name, bus++);
        }
    }

    /// <summary>The bus of a predictable PCI NIC name (enp7s0 → 7); null for any other name.</summary>
    private static int? PciBusOf(string name) =>
        name.StartsWith("enp", StringComparison.Ordinal) && name.EndsWith("s0", StringComparison.Ordinal)
        && int.TryParse(name.AsSpan(3, name.Length - 5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bus)
            ? bus : null;

    /// <summary>The plane the NIC reaches (itself or through its bridges and VLANs), else its own name.</summary>
    private static string NetworkOf(Site site, InterfaceTemplate nic) => site.NearestPlane(nic)?.Name ?? nic.Name;
}
