namespace Slate.Maas.Models;

/// <summary>
/// One entry of <c>GET subnets/{id}/?op=ip_addresses</c> (models/staticipaddress.py render_json): the address and, when a
/// node holds it, the node's summary. <see cref="AllocType"/> is MAAS's IPADDRESS_TYPE (0 auto, 1 sticky, 4 user reserved, 5 dhcp, 6 discovered).
/// </summary>
public sealed record SubnetAddress
{
    public string Ip { get; init; } = "";
    public int AllocType { get; init; }
    public string? User { get; init; }
    public NodeSummary? NodeSummary { get; init; }
}

public sealed record NodeSummary
{
    public string SystemId { get; init; } = "";
    public string Hostname { get; init; } = "";
    public string? Fqdn { get; init; }

    /// <summary>MAAS's NODE_TYPE: 0 machine, 1 device, 2 rack, 3 region, 4 region and rack controller.</summary>
    public int NodeType { get; init; }

    /// <summary>The interface holding the address.</summary>
    public string? Via { get; init; }
}
