namespace Slate.Runbook.OsdWipe;

/// <summary>Step 4's one kind of action, its arguments, and what the journal keeps of each OS disk.</summary>
internal static class OsdWipeActions
{
    public const string WipeOsd = "wipe-osd";

    public const string Host = "host";
    public const string Path = "path";
    public const string Exists = "exists";

    public static string OsDiskKey(string host) => "os-disk:" + host;
}
