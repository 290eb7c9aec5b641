using System.Net;
using System.Net.Sockets;

namespace Slate.Runbook.Sites;

/// <summary>An inclusive IPv4 range, as MAAS keeps IP ranges (start_ip, end_ip).</summary>
public sealed record AddressRange(IPAddress Start, IPAddress End)
{
    public bool Contains(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork && Number(Start) <= Number(address) && Number(address) <= Number(End);

    /// <summary>"a.b.c.d-e.f.g.h" (MAAS's own spelling in its errors); null when the text is not such a range with start ≤ end.</summary>
    public static AddressRange? Parse(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var start) || !IPAddress.TryParse(parts[1], out var end)
            || start.AddressFamily != AddressFamily.InterNetwork || end.AddressFamily != AddressFamily.InterNetwork
            || parts[0] != start.ToString() || parts[1] != end.ToString() || Number(start) > Number(end))
            return null;
        return new AddressRange(start, end);
    }

    public override string ToString() => $"{Start}-{End}";

    public static uint Number(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return (uint)b[0] << 24 | (uint)b[1] << 16 | (uint)b[2] << 8 | b[3];
    }

    public static IPAddress FromNumber(uint value) => new([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
}
