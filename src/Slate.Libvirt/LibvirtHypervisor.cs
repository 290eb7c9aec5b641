using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Slate.Libvirt.Native;
using Slate.Runbook.Ports;
using static Slate.Libvirt.Native.LibvirtNative;

namespace Slate.Libvirt;

/// <summary>
/// IHypervisor over libvirt.so.0. Each operation runs synchronously on one pool thread, so libvirt's thread-local
/// last error is read on the thread that failed. Safe for concurrent tasks: the connection is thread-safe in libvirt
/// and volume calls are serialized (see <see cref="volumeCalls"/>).
/// </summary>
public sealed unsafe partial class LibvirtHypervisor : IHypervisor, IDisposable
{
    private static readonly Lock InitLock = new();
    private static bool initialized;

    private readonly ConnectionHandle connection;

    // libvirt refuses to refresh a pool while a volume of it is being built ("pool has asynchronous jobs running"),
    // and every volume call refreshes or builds: one volume call at a time per hypervisor.
    private readonly Lock volumeCalls = new();
    private readonly UnixAccounts accounts = UnixAccounts.Local;

    private LibvirtHypervisor(string uri, ConnectionHandle connection)
    {
        Uri = uri;
        this.connection = connection;
    }

    /// <summary>The URI connected to, with any password masked: safe to show.</summary>
    public string Uri { get; }

    /// <summary>Connects to a libvirt URI (qemu:///system, qemu+ssh://user@host/system, test:///default, ...).</summary>
    /// <exception cref="HypervisorException">Unreachable: no libvirt.so.0, or the daemon does not answer.</exception>
    public static LibvirtHypervisor Open(string uri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        try
        {
            Initialize();
            var conn = virConnectOpen(uri);
            if (conn == 0)
            {
                var (_, message) = LibvirtErrors.Take();
                throw new HypervisorException(HypervisorFailure.Unreachable, $"cannot connect to libvirt at {Redacted(uri)}: {message}");
            }
            return new LibvirtHypervisor(Redacted(uri), new ConnectionHandle(conn));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new HypervisorException(HypervisorFailure.Unreachable,
                "cannot load the libvirt client library libvirt.so.0 (Debian package libvirt0)", e);
        }
    }

    public void Dispose() => connection.Dispose();

    /// <summary>The URI with any password in its user part masked, for messages.</summary>
    internal static string Redacted(string uri) => UserPassword().Replace(uri, "://$1:***@");

    [GeneratedRegex("://([^:/@]*):[^@/]*@")]
    private static partial Regex UserPassword();

    public Task<IReadOnlyList<HypervisorDomain>> ListDomainsAsync(CancellationToken ct) =>
        Run(ListDomains, ct);

    public Task<DomainDevices> GetDomainDevicesAsync(string domain, CancellationToken ct) =>
        Run(conn => WithDomain(conn, domain, dom => DomainXml.Parse(domain, PersistentXml(dom, domain))), ct);

    public Task<string> GetDomainXmlAsync(string domain, CancellationToken ct) =>
        Run(conn => WithDomain(conn, domain, dom => PersistentXml(dom, domain)), ct);

    /// <summary>Resolved on this machine's file system, like the owner names: Slate runs on the hypervisor host (qemu:///system).</summary>
    public Task<string> ResolvePathAsync(string path, CancellationToken ct) =>
        Task.Run(() => HostPath.Resolve(path, link => new FileInfo(link).LinkTarget), ct);

    public Task DetachInterfaceAsync(string domain, string mac, CancellationToken ct) =>
        Run(conn => WithDomain(conn, domain, dom =>
        {
            var nic = DomainXml.InterfaceXml(domain, PersistentXml(dom, domain), mac);
            if (virDomainDetachDeviceFlags(dom, nic, DomainAffectConfig) < 0)
                throw LibvirtErrors.Last($"detaching interface {mac} from domain '{domain}'");
            return true;
        }), ct);

    public Task<HypervisorNetwork?> FindNetworkAsync(string name, CancellationToken ct) =>
        Run(conn => FindNetwork(conn, name), ct);

    public Task DestroyNetworkAsync(string name, CancellationToken ct) =>
        Run(conn => WithNetwork(conn, name, net => virNetworkDestroy(net) < 0 ? throw LibvirtErrors.Last($"destroying network '{name}'") : true),
            ct);

    public Task UndefineNetworkAsync(string name, CancellationToken ct) =>
        Run(conn => WithNetwork(conn, name, net => virNetworkUndefine(net) < 0 ? throw LibvirtErrors.Last($"undefining network '{name}'") : true),
            ct);

    public Task<StorageVolume?> FindVolumeAsync(string path, CancellationToken ct) =>
        RunVolumeCall(conn => FindVolume(conn, path), ct);

    public Task DeleteVolumeAsync(string path, CancellationToken ct) =>
        RunVolumeCall(conn =>
        {
            RefreshPoolOf(conn, path);
            var vol = virStorageVolLookupByPath(conn, path);
            if (vol == 0) throw LibvirtErrors.Last($"looking up volume {path}");
            try { return virStorageVolDelete(vol, 0) < 0 ? throw LibvirtErrors.Last($"deleting volume {path}") : true; }
            finally { virStorageVolFree(vol); }
        }, ct);

    public Task<StorageVolume> CreateVolumeAsync(VolumeSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!Path.IsPathFullyQualified(spec.Path)) throw new ArgumentException($"volume path '{spec.Path}' is not absolute", nameof(spec));
        return RunVolumeCall(conn => CreateVolume(conn, spec), ct);
    }

    private Task<T> Run<T>(Func<nint, T> work, CancellationToken ct) =>
        Task.Run(() => connection.Use(work), ct);

    private Task<T> RunVolumeCall<T>(Func<nint, T> work, CancellationToken ct) =>
        Run(conn =>
        {
            lock (volumeCalls) return work(conn);
        }, ct);

    private static void Initialize()
    {
        lock (InitLock)
        {
            if (initialized) return;
            if (virInitialize() < 0) throw LibvirtErrors.Last("initializing libvirt");
            virSetErrorFunc(0, &IgnoreError);
            initialized = true;
        }
    }

    private static IReadOnlyList<HypervisorDomain> ListDomains(nint conn)
    {
        nint* list = null;
        var count = virConnectListAllDomains(conn, &list, 0);
        if (count < 0) throw LibvirtErrors.Last("listing domains");
        try
        {
            var domains = new List<HypervisorDomain>(count);
            for (var i = 0; i < count; i++)
            {
                var name = Borrowed(virDomainGetName(list[i])) ?? throw LibvirtErrors.Last("reading a domain name");
                int state, reason;
                if (virDomainGetState(list[i], &state, &reason, 0) < 0) throw LibvirtErrors.Last($"reading the state of domain '{name}'");
                domains.Add(new HypervisorDomain(name, (DomainState)state));
            }
            return domains.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        }
        finally
        {
            for (var i = 0; i < count; i++) virDomainFree(list[i]);
            NativeMemory.Free(list);
        }
    }

    private static T WithDomain<T>(nint conn, string name, Func<nint, T> work)
    {
        var dom = virDomainLookupByName(conn, name);
        if (dom == 0) throw LibvirtErrors.Last($"looking up domain '{name}'");
        try { return work(dom); }
        finally { virDomainFree(dom); }
    }

    private static string PersistentXml(nint dom, string name) =>
        Owned(virDomainGetXMLDesc(dom, DomainXmlInactive)) ?? throw LibvirtErrors.Last($"reading the definition of domain '{name}'");

    private static T WithNetwork<T>(nint conn, string name, Func<nint, T> work)
    {
        var net = virNetworkLookupByName(conn, name);
        if (net == 0) throw LibvirtErrors.Last($"looking up network '{name}'");
        try { return work(net); }
        finally { virNetworkFree(net); }
    }

    private static HypervisorNetwork? FindNetwork(nint conn, string name)
    {
        var net = virNetworkLookupByName(conn, name);
        if (net == 0)
        {
            var error = LibvirtErrors.Last($"looking up network '{name}'");
            return error.Failure == HypervisorFailure.NoNetwork ? null : throw error;
        }
        try
        {
            var active = virNetworkIsActive(net);
            if (active < 0) throw LibvirtErrors.Last($"reading the state of network '{name}'");
            var bridge = Owned(virNetworkGetBridgeName(net));
            if (bridge is null) virResetLastError();
            return new HypervisorNetwork(name, active == 1, bridge, NetworkXml(net, name));
        }
        finally { virNetworkFree(net); }
    }

    /// <summary>The persistent definition; drivers without VIR_NETWORK_XML_INACTIVE (the test driver) give the live one.</summary>
    private static string NetworkXml(nint net, string name)
    {
        if (Owned(virNetworkGetXMLDesc(net, NetworkXmlInactive)) is { } persistent) return persistent;
        LibvirtErrors.Take();
        return Owned(virNetworkGetXMLDesc(net, 0)) ?? throw LibvirtErrors.Last($"reading the definition of network '{name}'");
    }

    /// <summary>
    /// Rescans the pool holding the file's directory, so files created or removed outside libvirt (the runbook's
    /// manual rm + qemu-img path) are seen as they are now. A directory no pool holds has no volumes to refresh.
    /// </summary>
    private static void RefreshPoolOf(nint conn, string path)
    {
        var directory = Path.GetDirectoryName(path);
        var pool = directory is null ? 0 : virStoragePoolLookupByTargetPath(conn, directory);
        if (pool == 0)
        {
            LibvirtErrors.Take();
            return;
        }
        try
        {
            if (virStoragePoolRefresh(pool, 0) < 0) throw LibvirtErrors.Last($"refreshing the storage pool for directory {directory}");
        }
        finally { virStoragePoolFree(pool); }
    }

    private StorageVolume? FindVolume(nint conn, string path)
    {
        RefreshPoolOf(conn, path);
        var vol = virStorageVolLookupByPath(conn, path);
        if (vol == 0)
        {
            var error = LibvirtErrors.Last($"looking up volume {path}");
            return error.Failure == HypervisorFailure.NoVolume ? null : throw error;
        }
        try { return ReadVolume(vol, path); }
        finally { virStorageVolFree(vol); }
    }

    private StorageVolume CreateVolume(nint conn, VolumeSpec spec)
    {
        var directory = Path.GetDirectoryName(spec.Path)!;
        var pool = virStoragePoolLookupByTargetPath(conn, directory);
        if (pool == 0) throw LibvirtErrors.Last($"finding the storage pool for directory {directory}");
        try
        {
            var xml = VolumeXml.Build(spec, accounts.UserId(spec.Owner), accounts.GroupId(spec.Group));
            var vol = virStorageVolCreateXML(pool, xml, 0);
            if (vol == 0) throw LibvirtErrors.Last($"creating volume {spec.Path}");
            try { return ReadVolume(vol, spec.Path); }
            finally { virStorageVolFree(vol); }
        }
        finally { virStoragePoolFree(pool); }
    }

    private StorageVolume ReadVolume(nint vol, string path)
    {
        StorageVolInfo info;
        if (virStorageVolGetInfo(vol, &info) < 0) throw LibvirtErrors.Last($"reading volume {path}");
        var xml = Owned(virStorageVolGetXMLDesc(vol, 0)) ?? throw LibvirtErrors.Last($"reading the definition of volume {path}");
        var target = VolumeXml.Parse(path, xml);
        var owner = new VolumeOwner(target.Uid, accounts.UserName(target.Uid), target.Gid, accounts.GroupName(target.Gid));
        return new StorageVolume(path, (long)info.Capacity, (long)info.Allocation, target.Format, target.Compat, owner, target.Mode);
    }
}
