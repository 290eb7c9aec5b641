namespace Slate.Runbook.Teardown;

/// <summary>The facts the journal keeps at apply time so that a later gate can compare: each machine's identity and state.</summary>
internal static class TeardownBaseline
{
    public static string HostKey(string hostname) => "host:" + hostname;

    public static string ProtectedKey(string hostname) => "protected:" + hostname;

    /// <summary>A container's MAAS device, by its system_id; the value is the device's hostname.</summary>
    public const string DevicePrefix = "device:";

    public static string DeviceKey(string systemId) => DevicePrefix + systemId;

    /// <summary>What "exactly as before" compares for a protected machine.</summary>
    public static string Describe(Ports.MaasMachine machine) => $"{machine.SystemId} {machine.StatusName} owner={machine.Owner ?? "-"}";
}
