namespace Slate.Lab.Cloud;

/// <summary>Deterministic, unique QEMU-range MACs (52:54:00:xx:xx:xx) derived from hostname and NIC name.</summary>
internal static class MacAddresses
{
    public static string For(LabCloud cloud, string hostname, string interfaceName)
    {
        var hash = 2166136261u;
        foreach (var c in hostname + "/" + interfaceName)
        {
            hash = (hash ^ c) * 16777619u;
        }
        while (true)
        {
            var mac = $"52:54:00:{(byte)(hash >> 16):x2}:{(byte)(hash >> 8):x2}:{(byte)hash:x2}";
            if (cloud.Machines.OwnerOfMac(mac) is null) return mac;
            hash++;
        }
    }
}
