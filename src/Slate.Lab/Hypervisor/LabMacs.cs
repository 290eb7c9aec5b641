using System.Globalization;

namespace Slate.Lab.Hypervisor;

/// <summary>
/// Deterministic lab MACs: 52:54:00:1i:hh:hh for NIC index i of host number h. The fourth byte starts at 0x10 so
/// they never collide with the site's provider MACs (52:54:00:0c:…).
/// </summary>
public static class LabMacs
{
    public static string For(int hostNumber, int nicIndex) =>
        string.Create(CultureInfo.InvariantCulture,
            $"52:54:00:{0x10 + nicIndex:x2}:{(hostNumber >> 8) & 0xff:x2}:{hostNumber & 0xff:x2}");
}
