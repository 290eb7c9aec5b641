using System.Xml.Linq;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Lab.Hypervisor;

/// <summary>
/// The lab's in-memory libvirt host. It answers like libvirt does (same error codes, libvirt-like messages) so the
/// runbook code cannot tell it from <c>Slate.Libvirt.LibvirtHypervisor</c>. Thread-safe.
/// </summary>
public sealed class LabHypervisor : IHypervisor
{
    /// <summary>Allocation of a freshly created qcow2 image: its header and first tables (~200 KiB on disk).</summary>
    private const long FreshQcow2Bytes = 196_624;

    private readonly Lock gate = new();
    private readonly LabState state;

    private LabHypervisor(LabState state) => this.state = state;

    public static LabHypervisor FromSite(Site site) => new(LabSeed.Build(site));

    /// <summary>Decides whether a write (named) is dropped before it is carried out: the lab's hypervisor-drop fault.</summary>
    public Func<string, bool>? DropsWrite { get; set; }

    /// <summary>Power control for the lab MAAS (virsh power type): running, shut off, ...</summary>
    public void SetState(string domain, DomainState newState)
    {
        lock (gate) Domain(domain).State = newState;
    }

    /// <summary>
    /// What MAAS's virsh driver does to a pod VM it decomposes: `virsh destroy` then `virsh undefine
    /// --remove-all-storage` (reference §3.6) — the domain and every volume of its disks are gone.
    /// </summary>
    public void UndefineWithStorage(string domain)
    {
        lock (gate)
        {
            foreach (var disk in Domain(domain).Disks.Where(d => d.SourcePath is not null))
                state.Volumes.Remove(disk.SourcePath!);
            state.Domains.Remove(domain);
        }
    }

    /// <summary>Defines one more domain (a bystander on the same host, say), in the given state.</summary>
    public void DefineDomain(string name, DomainState newState, IReadOnlyList<DomainDisk> disks, IEnumerable<LabNic> nics)
    {
        lock (gate) state.Domains[name] = new LabDomain(name, disks, nics) { State = newState };
    }

    /// <summary>Makes <paramref name="link"/> a symbolic link to <paramref name="target"/> on the lab host's file system.</summary>
    public void Symlink(string link, string target)
    {
        lock (gate) state.Links[link] = target;
    }

    /// <summary>Defines a shut-off domain with an OS disk in the images pool (what an operator's virt-install leaves).</summary>
    public void Define(string domain, IEnumerable<LabNic> nics)
    {
        lock (gate)
        {
            if (state.Domains.ContainsKey(domain))
                throw new HypervisorException(HypervisorFailure.Other, $"defining domain '{domain}': domain '{domain}' already exists");
            var disk = $"{state.PoolDirectories.First()}/{domain}.qcow2";
            state.Volumes[disk] = new StorageVolume(disk, 64L << 30, FreshQcow2Bytes, "qcow2", "1.1", LabAccounts.Owner("libvirt-qemu", "kvm"), Convert.ToInt32("644", 8));
            state.Domains[domain] = new LabDomain(domain, [new DomainDisk("vda", "disk", disk, "qcow2")], nics) { State = DomainState.ShutOff };
        }
    }

    /// <summary>Every defined domain's name, in order.</summary>
    public IReadOnlyList<string> DomainNames
    {
        get { lock (gate) return [.. state.Domains.Keys.Order(StringComparer.Ordinal)]; }
    }

    /// <summary>The capacity of the domain's first disk (MAAS shows it as the machine's boot disk).</summary>
    public long BootDiskBytes(string domain)
    {
        lock (gate)
        {
            var path = Domain(domain).Disks.FirstOrDefault()?.SourcePath;
            return path is not null && state.Volumes.TryGetValue(path, out var volume) ? volume.CapacityBytes : 0;
        }
    }

    public bool HasDomain(string domain)
    {
        lock (gate) return state.Domains.ContainsKey(domain);
    }

    public DomainState StateOf(string domain)
    {
        lock (gate) return Domain(domain).State;
    }

    /// <summary>The domain's NICs now, with their PCI addresses (the names a commissioned MAAS machine shows).</summary>
    public IReadOnlyList<LabNic> NicsOf(string domain)
    {
        lock (gate) return [.. Domain(domain).Nics];
    }

    public Task<IReadOnlyList<HypervisorDomain>> ListDomainsAsync(CancellationToken ct) => Locked(ct, () =>
        (IReadOnlyList<HypervisorDomain>)state.Domains.Values.Select(d => new HypervisorDomain(d.Name, d.State))
            .OrderBy(d => d.Name, StringComparer.Ordinal).ToList());

    public Task<DomainDevices> GetDomainDevicesAsync(string domain, CancellationToken ct) => Locked(ct, () =>
    {
        var d = Domain(domain);
        return new DomainDevices(d.Name, d.Disks, [.. d.Nics.Select(n => new DomainInterface(n.Mac, "network", n.Network, null, "virtio"))]);
    });

    public Task<string> GetDomainXmlAsync(string domain, CancellationToken ct) => Locked(ct, () => DomainXml(Domain(domain)));

    public Task<string> ResolvePathAsync(string path, CancellationToken ct) => Locked(ct, () =>
        HostPath.Resolve(path, link => state.Links.GetValueOrDefault(link)));

    public Task DetachInterfaceAsync(string domain, string mac, CancellationToken ct) => Written("detach-interface", ct, () =>
    {
        var d = Domain(domain);
        var removed = d.Nics.RemoveAll(n => string.Equals(n.Mac, mac, StringComparison.OrdinalIgnoreCase));
        return removed > 0 ? true : throw new HypervisorException(HypervisorFailure.NoInterface,
            $"domain '{domain}' has no interface with MAC address {mac} in its persistent definition");
    });

    public Task<HypervisorNetwork?> FindNetworkAsync(string name, CancellationToken ct) => Locked(ct, () =>
        state.Networks.TryGetValue(name, out var n) ? new HypervisorNetwork(n.Name, n.Active, n.Bridge, NetworkXml(n)) : null);

    public Task DestroyNetworkAsync(string name, CancellationToken ct) => Written("net-destroy", ct, () =>
    {
        var n = Network(name);
        if (!n.Active) throw new HypervisorException(HypervisorFailure.Other, $"destroying network '{name}': Requested operation is not valid: network '{name}' is not active");
        n.Active = false;
        if (!n.Persistent) state.Networks.Remove(name);
        return true;
    });

    public Task UndefineNetworkAsync(string name, CancellationToken ct) => Written("net-undefine", ct, () =>
    {
        var n = Network(name);
        if (n.Active) n.Persistent = false;
        else state.Networks.Remove(name);
        return true;
    });

    public Task<StorageVolume?> FindVolumeAsync(string path, CancellationToken ct) => Locked(ct, () =>
        state.Volumes.GetValueOrDefault(path));

    public Task DeleteVolumeAsync(string path, CancellationToken ct) => Written("vol-delete", ct, () =>
        state.Volumes.Remove(path) ? true : throw new HypervisorException(HypervisorFailure.NoVolume,
            $"looking up volume {path}: Storage volume not found: no storage vol with matching path '{path}'"));

    public Task<StorageVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!Path.IsPathFullyQualified(spec.Path)) throw new ArgumentException($"volume path '{spec.Path}' is not absolute", nameof(spec));
        return Written("vol-create", ct, () =>
        {
            var directory = Path.GetDirectoryName(spec.Path)!;
            if (!state.PoolDirectories.Contains(directory))
                throw new HypervisorException(HypervisorFailure.NoPool,
                    $"finding the storage pool for directory {directory}: Storage pool not found: no storage pool with matching target path '{directory}'");
            if (state.Volumes.ContainsKey(spec.Path))
                throw new HypervisorException(HypervisorFailure.Other,
                    $"creating volume {spec.Path}: storage volume '{Path.GetFileName(spec.Path)}' exists already");
            var qcow2 = spec.Format == "qcow2";
            var volume = new StorageVolume(spec.Path, spec.CapacityBytes, qcow2 ? FreshQcow2Bytes : 0, spec.Format,
                qcow2 ? spec.Compat : null, LabAccounts.Owner(spec.Owner, spec.Group), spec.Mode);
            state.Volumes[spec.Path] = volume;
            return volume;
        });
    }

    /// <summary>A write, unless the hypervisor-drop fault drops it: then nothing is done and the caller sees the connection drop.</summary>
    private Task<T> Written<T>(string write, CancellationToken ct, Func<T> work) =>
        DropsWrite?.Invoke(write) == true
            ? Task.FromException<T>(new HypervisorException(HypervisorFailure.Other, $"{write}: the connection to libvirtd dropped during the call (lab fault injection)"))
            : Locked(ct, work);

    private Task<T> Locked<T>(CancellationToken ct, Func<T> work)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            lock (gate) return Task.FromResult(work());
        }
        catch (HypervisorException e)
        {
            return Task.FromException<T>(e);
        }
    }

    private LabDomain Domain(string name) => state.Domains.TryGetValue(name, out var d) ? d
        : throw new HypervisorException(HypervisorFailure.NoDomain, $"looking up domain '{name}': Domain not found: no domain with matching name '{name}'");

    private LabNetwork Network(string name) => state.Networks.TryGetValue(name, out var n) ? n
        : throw new HypervisorException(HypervisorFailure.NoNetwork, $"looking up network '{name}': Network not found: no network with matching name '{name}'");

    /// <summary>The definition as `virsh dumpxml --inactive` shapes it, from what the lab holds.</summary>
    private static string DomainXml(LabDomain d) =>
        new XElement("domain", new XAttribute("type", "kvm"),
            new XElement("name", d.Name),
            new XElement("memory", new XAttribute("unit", "KiB"), 16_777_216),
            new XElement("vcpu", new XAttribute("placement", "static"), 4),
            new XElement("os", new XElement("type", new XAttribute("arch", "x86_64"), new XAttribute("machine", "pc-q35-7.2"), "hvm")),
            new XElement("devices",
                d.Disks.Select(disk => new XElement("disk", new XAttribute("type", "file"), new XAttribute("device", disk.Device),
                    new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", disk.Format ?? "raw")),
                    new XElement("source", new XAttribute("file", disk.SourcePath ?? "")),
                    new XElement("target", new XAttribute("dev", disk.Target), new XAttribute("bus", "virtio")))),
                d.Nics.Select(nic => new XElement("interface", new XAttribute("type", "network"),
                    new XElement("mac", new XAttribute("address", nic.Mac)),
                    new XElement("source", new XAttribute("network", nic.Network)),
                    new XElement("model", new XAttribute("type", "virtio")),
                    new XElement("address", new XAttribute("type", "pci"), new XAttribute("domain", "0x0000"),
                        new XAttribute("bus", FormattableString.Invariant($"0x{nic.PciBus:x2}")),
                        new XAttribute("slot", FormattableString.Invariant($"0x{nic.PciSlot:x2}")), new XAttribute("function", "0x0")))))).ToString();

    private static string NetworkXml(LabNetwork n) =>
        new XElement("network",
            new XElement("name", n.Name),
            new XElement("bridge", new XAttribute("name", n.Bridge), new XAttribute("stp", "off"), new XAttribute("delay", "0"))).ToString();
}
