namespace Slate.Runbook.OsdWipe;

/// <summary>What the journal keeps of each host's OS disk at apply time, for the gate's "the OS disk is untouched".</summary>
internal static class OsdWipeBaseline
{
    public static string OsDiskKey(string host) => "os-disk:" + host;
}
