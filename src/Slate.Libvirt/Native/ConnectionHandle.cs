using System.Runtime.InteropServices;

namespace Slate.Libvirt.Native;

/// <summary>A virConnectPtr; ref-counted so Dispose never closes it under a running call.</summary>
internal sealed class ConnectionHandle : SafeHandle
{
    public ConnectionHandle(nint connection) : base(0, ownsHandle: true) => SetHandle(connection);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle() => LibvirtNative.virConnectClose(handle) >= 0;

    /// <summary>Runs work with the raw pointer, keeping the connection open meanwhile.</summary>
    public T Use<T>(Func<nint, T> work)
    {
        var added = false;
        DangerousAddRef(ref added);
        try { return work(handle); }
        finally { if (added) DangerousRelease(); }
    }
}
