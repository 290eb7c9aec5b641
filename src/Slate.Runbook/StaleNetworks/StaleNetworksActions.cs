namespace Slate.Runbook.StaleNetworks;

/// <summary>The kinds of action Step 3 plans, and the arguments they carry.</summary>
internal static class StaleNetworksActions
{
    public const string BackupNetwork = "backup-network";
    public const string BackupDomain = "backup-domain";
    public const string DetachNic = "detach-nic";
    public const string DestroyNetwork = "destroy-network";
    public const string UndefineNetwork = "undefine-network";

    public const string Network = "network";
    public const string Domain = "domain";
    public const string Mac = "mac";
}

/// <summary>What the journal keeps of each host at apply time, for the gate's "everything else unchanged".</summary>
internal static class StaleNetworksBaseline
{
    public static string NicsKey(string host) => "nics:" + host;

    public static string DefinitionKey(string host) => "definition:" + host;
}
