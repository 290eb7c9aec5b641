namespace Slate.Runbook.Teardown;

/// <summary>The kinds of action the teardown plans.</summary>
internal static class TeardownActions
{
    public const string CaptureModel = "capture-model";
    public const string DestroyModel = "destroy-model";
    public const string RemoveMachine = "remove-machine";
    public const string ForceRemoveMachine = "force-remove-machine";
    public const string DeleteMachine = "delete-machine";
}

/// <summary>The argument names teardown actions carry.</summary>
internal static class TeardownArguments
{
    public const string Model = "model";
    public const string Machine = "machine";
    public const string Host = "host";
    public const string SystemId = "system_id";
    public const string Status = "status";
    public const string Storage = "storage";
    public const string Hosts = "hosts";
    public const string Force = "force";
}

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
