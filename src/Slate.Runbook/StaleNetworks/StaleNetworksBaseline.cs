namespace Slate.Runbook.StaleNetworks;

/// <summary>What the journal keeps of each host at apply time, for the gate's "everything else unchanged".</summary>
internal static class StaleNetworksBaseline
{
    public static string NicsKey(string host) => "nics:" + host;

    public static string DefinitionKey(string host) => "definition:" + host;
}
