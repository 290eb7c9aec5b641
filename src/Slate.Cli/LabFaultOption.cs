using System.CommandLine;
using Slate.Lab.Faults;
using Slate.Runbook.Sites;

namespace Slate.Cli;

/// <summary>`--fault SPEC` (repeatable) for the commands that start a lab: what the lab's MAAS does wrong.</summary>
internal static class LabFaultOption
{
    public static readonly Option<string[]> Fault = new("--fault")
    {
        Description = "Make the lab MAAS sick, to rehearse what a real one does (repeatable, one SPEC each): " + LabFaults.Forms + ". " +
                      "503/409/lost/latency hit every authenticated MAAS call, never the anonymous version/ (clients can still probe); " +
                      "lost applies the call, then drops the connection (a write's outcome is unknown). stuck: that machine's " +
                      "transitions never complete. lingering: that host's juju machine never finishes dying, so destroy-model " +
                      "waits until `juju remove-machine --force` removes it. The same seed gives the same faults.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The host faults that name a machine of the juju model, not just any machine of the site.</summary>
    private static readonly string[] ModelFaults = ["lingering", "leftover-devices"];

    /// <summary>The parsed specs; a bad one, or one naming a machine the site does not have, is a one-line input error (exit 2).</summary>
    public static LabFaults Read(ParseResult result, Site site)
    {
        LabFaults faults;
        try
        {
            faults = LabFaults.Parse(result.GetValue(Fault) ?? []);
        }
        catch (LabFaultSpecException e)
        {
            throw new CliInputException($"--fault {e.Spec}: {e.Reason}");
        }
        var known = site.Hosts.Select(h => h.Name).Concat(site.Orphans).Concat(site.Protected).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var kind in LabFaults.HostKinds.Except(ModelFaults))
        {
            if (faults.HostsOf(kind).FirstOrDefault(h => !known.Contains(h)) is { } unknown)
                throw new CliInputException($"--fault {kind}={unknown}: the site has no machine {unknown}");
        }
        var modelMachines = site.Hosts.Select(h => h.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var kind in ModelFaults)
        {
            if (faults.HostsOf(kind).FirstOrDefault(h => !modelMachines.Contains(h)) is { } outside)
                throw new CliInputException(
                    $"--fault {kind}={outside}: {outside} is not a machine of the juju model {site.Cloud.JujuModel} " +
                    $"(its machines are the site's hosts: {string.Join(", ", site.Hosts.Select(h => h.Name))})");
        }
        return faults;
    }
}
