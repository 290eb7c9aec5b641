using Slate.Libvirt.Native;
using Slate.Runbook.Ports;
using static Slate.Libvirt.Native.LibvirtNative;

namespace Slate.Libvirt;

/// <summary>
/// Whole objects defined and removed, for the worlds Slate builds itself (a rehearsal on a real libvirtd); the runbook's
/// steps never call these. A start that fails undefines what it defined, so a failure leaves nothing behind.
/// </summary>
public sealed unsafe partial class LibvirtHypervisor
{
    public Task<bool> HasDomainAsync(string name, CancellationToken ct) =>
        Run(conn => Exists(virDomainLookupByName(conn, name), HypervisorFailure.NoDomain, $"looking up domain '{name}'", virDomainFree), ct);

    public Task<bool> HasPoolAsync(string name, CancellationToken ct) =>
        Run(conn => Exists(virStoragePoolLookupByName(conn, name), HypervisorFailure.NoPool, $"looking up pool '{name}'", virStoragePoolFree), ct);

    /// <summary>Defines the network and starts it.</summary>
    public Task StartNetworkAsync(string name, string xml, CancellationToken ct) =>
        Run(conn => DefineAndStart($"network '{name}'", virNetworkDefineXML(conn, xml), virNetworkCreate, virNetworkUndefine, virNetworkFree), ct);

    /// <summary>Stops the network when it runs and removes its definition. Throws NoNetwork.</summary>
    public Task RemoveNetworkAsync(string name, CancellationToken ct) =>
        Run(conn => WithNetwork(conn, name, net =>
        {
            if (virNetworkIsActive(net) == 1 && virNetworkDestroy(net) < 0) throw LibvirtErrors.Last($"stopping network '{name}'");
            return virNetworkUndefine(net) < 0 ? throw LibvirtErrors.Last($"undefining network '{name}'") : true;
        }), ct);

    /// <summary>Defines the storage pool and starts it.</summary>
    public Task StartPoolAsync(string name, string xml, CancellationToken ct) =>
        Run(conn => DefineAndStart($"pool '{name}'", virStoragePoolDefineXML(conn, xml, 0), pool => virStoragePoolCreate(pool, 0), virStoragePoolUndefine,
            virStoragePoolFree), ct);

    /// <summary>Stops the pool when it runs and removes its definition; its folder and files stay. Throws NoPool.</summary>
    public Task RemovePoolAsync(string name, CancellationToken ct) =>
        RunVolumeCall(conn =>
        {
            var pool = virStoragePoolLookupByName(conn, name);
            if (pool == 0) throw LibvirtErrors.Last($"looking up pool '{name}'");
            try
            {
                if (virStoragePoolIsActive(pool) == 1 && virStoragePoolDestroy(pool) < 0) throw LibvirtErrors.Last($"stopping pool '{name}'");
                return virStoragePoolUndefine(pool) < 0 ? throw LibvirtErrors.Last($"undefining pool '{name}'") : true;
            }
            finally { virStoragePoolFree(pool); }
        }, ct);

    /// <summary>Defines a domain (it stays shut off).</summary>
    public Task DefineDomainAsync(string name, string xml, CancellationToken ct) =>
        Run(conn =>
        {
            var dom = virDomainDefineXML(conn, xml);
            if (dom == 0) throw LibvirtErrors.Last($"defining domain '{name}'");
            virDomainFree(dom);
            return true;
        }, ct);

    /// <summary>Stops the domain when it runs and removes its definition; its disks stay. Throws NoDomain.</summary>
    public Task RemoveDomainAsync(string name, CancellationToken ct) =>
        Run(conn => WithDomain(conn, name, dom =>
        {
            if (virDomainIsActive(dom) == 1 && virDomainDestroy(dom) < 0) throw LibvirtErrors.Last($"stopping domain '{name}'");
            return virDomainUndefine(dom) < 0 ? throw LibvirtErrors.Last($"undefining domain '{name}'") : true;
        }), ct);

    /// <summary>The object just defined (0 when defining failed) is started, or undefined again when it does not start.</summary>
    private static bool DefineAndStart(string what, nint handle, Func<nint, int> start, Func<nint, int> undefine, Func<nint, int> free)
    {
        if (handle == 0) throw LibvirtErrors.Last($"defining {what}");
        try
        {
            if (start(handle) >= 0) return true;
            var error = LibvirtErrors.Last($"starting {what}");
            undefine(handle);
            throw error;
        }
        finally { free(handle); }
    }

    private static bool Exists(nint handle, HypervisorFailure missing, string doing, Func<nint, int> free)
    {
        if (handle != 0)
        {
            free(handle);
            return true;
        }
        var error = LibvirtErrors.Last(doing);
        return error.Failure == missing ? false : throw error;
    }
}
