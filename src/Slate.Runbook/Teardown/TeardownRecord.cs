using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Teardown;

/// <summary>
/// What the teardown leaves in the journal for itself and the steps after it: each host's system_id as the latest
/// applied teardown plan that still saw the host recorded it (a re-run after the hosts left MAAS sees none of them,
/// so an earlier plan's id stands). Read by this one rule wherever it is needed: the teardown's gate, re-enrolment.
/// </summary>
public sealed record TeardownRecord(IReadOnlyDictionary<string, string> HostIds)
{
    public static TeardownRecord Read(IJournal journal, Site site)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var plan in journal.AppliedPlans(site.Cloud.Name, TeardownStep.StepName))
        {
            foreach (var host in site.Hosts)
            {
                if (plan.Baseline.GetValueOrDefault(TeardownBaseline.HostKey(host.Name)) is { } id)
                    ids[host.Name] = id;
            }
        }
        return new TeardownRecord(ids);
    }

    /// <summary>The host's system_id before the teardown, or null when no applied teardown saw it.</summary>
    public string? IdOf(string hostname) => HostIds.GetValueOrDefault(hostname);
}
