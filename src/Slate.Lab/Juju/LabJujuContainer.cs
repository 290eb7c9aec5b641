namespace Slate.Lab.Juju;

/// <summary>
/// An LXD container on a model machine (<c>N/lxd/M</c>): juju names it juju-&lt;model uuid's first 6&gt;-N-lxd-M, which is
/// also its instance id, and registers it in MAAS as a device (<see cref="DeviceId"/>) holding its addresses.
/// </summary>
public sealed class LabJujuContainer(string id, string hostname, string deviceId, string mac, IReadOnlyList<string> ipAddresses)
{
    public string Id { get; } = id;
    public string Hostname { get; } = hostname;
    public string DeviceId { get; } = deviceId;
    public string Mac { get; } = mac;
    public IReadOnlyList<string> IpAddresses { get; } = ipAddresses;

    /// <summary>The machine hosting a container: the part of its id before "/lxd/".</summary>
    public static string HostOf(string machineId) => machineId.Split('/')[0];
}
