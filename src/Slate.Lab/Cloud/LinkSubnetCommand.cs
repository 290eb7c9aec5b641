using System.Net;

namespace Slate.Lab.Cloud;

/// <summary>`op=link_subnet`; <see cref="Subnet"/> is the specifier as given (id, CIDR or name).</summary>
public sealed record LinkSubnetCommand(LinkMode Mode, string? Subnet, IPAddress? IpAddress, bool Force, bool DefaultGateway);
