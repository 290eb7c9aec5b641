using Slate.Runbook.Core;
using Slate.Runbook.Sites;

namespace Slate.Runbook.StaleNetworks;

/// <summary>Runbook Step 3's GATE on a fresh observation: the networks gone and unreferenced, every host otherwise exactly as journalled.</summary>
internal static class StaleNetworksGate
{
    private const string NoBaseline = "(no journalled baseline)";

    public static GateReport Judge(Site site, StaleNetworksObservation o)
    {
        if (o.Error is { } failure)
            return new GateReport([new GateLine("hypervisor", false, "hypervisor", "readable", failure)]);
        var lines = new List<GateLine>();
        foreach (var stale in site.Libvirt.StaleNetworks)
        {
            var network = o.Networks[stale.Name];
            lines.Add(new GateLine("network-gone", network is null, stale.Name, "not defined",
                network is null ? "not defined" : $"defined, {(network.Active ? "active" : "inactive")}, bridge {network.Bridge ?? "-"}"));
            var nics = o.NicsOn(stale);
            lines.Add(new GateLine("unreferenced", nics.Count == 0, stale.Name, "no domain has a NIC on it",
                nics.Count == 0 ? "none" : string.Join(", ", nics.Select(n => $"{n.Domain} {n.Mac}"))));
        }
        foreach (var host in site.Hosts.Select(h => h.Name))
        {
            if (!o.HostDefinitions.ContainsKey(host))
            {
                lines.Add(new GateLine("host-kept", false, host, "domain defined", "no such domain"));
                continue;
            }
            lines.Add(Same("nics-kept", host, o.Baseline.GetValueOrDefault(StaleNetworksBaseline.NicsKey(host)), o.OtherNics(site, host)));
            lines.Add(Same("definition-kept", host, o.Baseline.GetValueOrDefault(StaleNetworksBaseline.DefinitionKey(host)), o.DefinitionPrintOf(site, host)!));
        }
        return new GateReport(lines) { Basis = o.Baseline.Source };
    }

    /// <summary>Without a journalled baseline (Step 3 was done by hand) there is nothing to compare: the line shows what is there.</summary>
    private static GateLine Same(string code, string host, string? expected, string observed) =>
        new(code, expected is null || expected == observed, host, expected ?? NoBaseline, observed);
}
