using Slate.Runbook.Ports;

namespace Slate.Libvirt.Native;

/// <summary>Turns libvirt's thread-local last error into a HypervisorException. Call right after the failing call.</summary>
internal static unsafe class LibvirtErrors
{
    public const int NoDomain = 42;            // VIR_ERR_NO_DOMAIN
    public const int NoNetwork = 43;           // VIR_ERR_NO_NETWORK
    public const int NoStoragePool = 49;       // VIR_ERR_NO_STORAGE_POOL
    public const int NoStorageVolume = 50;     // VIR_ERR_NO_STORAGE_VOL

    private const int NoConnect = 5;           // VIR_ERR_NO_CONNECT
    private const int Rpc = 39;                // VIR_ERR_RPC
    private const int DeviceMissing = 99;      // VIR_ERR_DEVICE_MISSING

    /// <summary>The last error's code and message, clearing it.</summary>
    public static (int Code, string Message) Take()
    {
        var code = LibvirtNative.virGetLastErrorCode();
        var message = LibvirtNative.Borrowed(LibvirtNative.virGetLastErrorMessage()) ?? "unknown libvirt error";
        LibvirtNative.virResetLastError();
        return (code, message.ReplaceLineEndings(" "));
    }

    public static HypervisorException Last(string doing)
    {
        var (code, message) = Take();
        return new HypervisorException(Classify(code), $"{doing}: {message}");
    }

    private static HypervisorFailure Classify(int code) => code switch
    {
        NoDomain => HypervisorFailure.NoDomain,
        NoNetwork => HypervisorFailure.NoNetwork,
        NoStoragePool => HypervisorFailure.NoPool,
        NoStorageVolume => HypervisorFailure.NoVolume,
        DeviceMissing => HypervisorFailure.NoInterface,
        NoConnect or Rpc => HypervisorFailure.Unreachable,
        _ => HypervisorFailure.Other,
    };
}
