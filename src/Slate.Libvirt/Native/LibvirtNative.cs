using System.Runtime.InteropServices;

namespace Slate.Libvirt.Native;

/// <summary>
/// The libvirt C API. Strings libvirt owns come back as byte* (never as string: the marshaller would free them);
/// strings and arrays the caller owns are released with NativeMemory.Free (libc free).
/// </summary>
internal static unsafe partial class LibvirtNative
{
    private const string Library = "libvirt.so.0";

    public const uint DomainXmlInactive = 2;      // VIR_DOMAIN_XML_INACTIVE
    public const uint DomainAffectConfig = 2;     // VIR_DOMAIN_AFFECT_CONFIG
    public const uint NetworkXmlInactive = 1;     // VIR_NETWORK_XML_INACTIVE

    [LibraryImport(Library)] public static partial int virInitialize();
    [LibraryImport(Library)] public static partial void virSetErrorFunc(nint userData, delegate* unmanaged<nint, nint, void> handler);
    [LibraryImport(Library)] public static partial int virGetLastErrorCode();
    [LibraryImport(Library)] public static partial byte* virGetLastErrorMessage();
    [LibraryImport(Library)] public static partial void virResetLastError();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial nint virConnectOpen(string name);
    [LibraryImport(Library)] public static partial int virConnectClose(nint conn);

    [LibraryImport(Library)] public static partial int virConnectListAllDomains(nint conn, nint** domains, uint flags);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial nint virDomainLookupByName(nint conn, string name);
    [LibraryImport(Library)] public static partial byte* virDomainGetName(nint domain);
    [LibraryImport(Library)] public static partial int virDomainGetState(nint domain, int* state, int* reason, uint flags);
    [LibraryImport(Library)] public static partial byte* virDomainGetXMLDesc(nint domain, uint flags);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial int virDomainDetachDeviceFlags(nint domain, string xml, uint flags);
    [LibraryImport(Library)] public static partial int virDomainFree(nint domain);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial nint virNetworkLookupByName(nint conn, string name);
    [LibraryImport(Library)] public static partial int virNetworkIsActive(nint network);
    [LibraryImport(Library)] public static partial byte* virNetworkGetBridgeName(nint network);
    [LibraryImport(Library)] public static partial byte* virNetworkGetXMLDesc(nint network, uint flags);
    [LibraryImport(Library)] public static partial int virNetworkDestroy(nint network);
    [LibraryImport(Library)] public static partial int virNetworkUndefine(nint network);
    [LibraryImport(Library)] public static partial int virNetworkFree(nint network);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial nint virStorageVolLookupByPath(nint conn, string path);
    [LibraryImport(Library)] public static partial int virStorageVolGetInfo(nint volume, StorageVolInfo* info);
    [LibraryImport(Library)] public static partial byte* virStorageVolGetXMLDesc(nint volume, uint flags);
    [LibraryImport(Library)] public static partial int virStorageVolDelete(nint volume, uint flags);
    [LibraryImport(Library)] public static partial int virStorageVolFree(nint volume);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial nint virStoragePoolLookupByTargetPath(nint conn, string path);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial nint virStorageVolCreateXML(nint pool, string xml, uint flags);
    [LibraryImport(Library)] public static partial int virStoragePoolRefresh(nint pool, uint flags);
    [LibraryImport(Library)] public static partial int virStoragePoolFree(nint pool);

    // Defining and removing whole objects: only for the worlds Slate builds itself (a rehearsal on a real libvirtd).
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial nint virDomainDefineXML(nint conn, string xml);
    [LibraryImport(Library)] public static partial int virDomainIsActive(nint domain);
    [LibraryImport(Library)] public static partial int virDomainDestroy(nint domain);
    [LibraryImport(Library)] public static partial int virDomainUndefine(nint domain);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial nint virNetworkDefineXML(nint conn, string xml);
    [LibraryImport(Library)] public static partial int virNetworkCreate(nint network);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial nint virStoragePoolDefineXML(nint conn, string xml, uint flags);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial nint virStoragePoolLookupByName(nint conn, string name);
    [LibraryImport(Library)] public static partial int virStoragePoolCreate(nint pool, uint flags);
    [LibraryImport(Library)] public static partial int virStoragePoolIsActive(nint pool);
    [LibraryImport(Library)] public static partial int virStoragePoolDestroy(nint pool);
    [LibraryImport(Library)] public static partial int virStoragePoolUndefine(nint pool);

    /// <summary>Copies a libvirt-owned string; does not free it.</summary>
    public static string? Borrowed(byte* text) => text == null ? null : Marshal.PtrToStringUTF8((nint)text);

    /// <summary>Copies a caller-owned string and frees it.</summary>
    public static string? Owned(byte* text)
    {
        if (text == null) return null;
        try { return Marshal.PtrToStringUTF8((nint)text); }
        finally { NativeMemory.Free(text); }
    }

    [UnmanagedCallersOnly]
    public static void IgnoreError(nint userData, nint error) { }
}

/// <summary>virStorageVolInfo: int type; unsigned long long capacity; unsigned long long allocation.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct StorageVolInfo
{
    public int Type;
    public ulong Capacity;
    public ulong Allocation;
}
