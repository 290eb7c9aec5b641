namespace Slate.Maas.Models;

/// <summary>One entry of <c>GET devices/</c> (api/devices.py DISPLAYED_DEVICE_FIELDS): Slate reads who it is, its parent and its addresses.</summary>
public sealed record Device
{
    public string SystemId { get; init; } = "";
    public string Hostname { get; init; } = "";

    /// <summary>The system_id of the machine it is a child of (Juju's container devices), or null.</summary>
    public string? Parent { get; init; }

    public IReadOnlyList<string> IpAddresses { get; init; } = [];
}
