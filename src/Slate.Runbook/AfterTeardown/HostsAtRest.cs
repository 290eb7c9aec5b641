using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.AfterTeardown;

/// <summary>
/// Where Steps 3 and 4 may start from: the teardown's gate holds (every host decomposed out of MAAS) and every host
/// domain is defined and shut off. Domains is null when the hypervisor could not be read (Error says why).
/// </summary>
public sealed record HostsAtRest(IReadOnlyList<MaasMachine> Enrolled, IReadOnlyList<HypervisorDomain>? Domains, string? Error)
{
    public static async Task<HostsAtRest> ReadAsync(IStepServices services, CancellationToken ct)
    {
        var enrolled = await services.Maas.FindMachinesAsync([.. services.Site.Hosts.Select(h => h.Name)], ct).ConfigureAwait(false);
        try
        {
            return new HostsAtRest(enrolled, await services.Hypervisor.ListDomainsAsync(ct).ConfigureAwait(false), null);
        }
        catch (HypervisorException e)
        {
            return new HostsAtRest(enrolled, null, e.Message);
        }
    }

    public HypervisorDomain? Domain(string name) => Domains?.FirstOrDefault(d => d.Name == name);

    /// <summary>What refuses the step (exit 4) or blocks it (fatal): hosts still enrolled, host domains missing or not shut off.</summary>
    public IEnumerable<Finding> Findings(Site site)
    {
        foreach (var machine in Enrolled)
            yield return new Finding(Severity.Precondition, "host-in-maas", machine.Hostname,
                $"still in MAAS ({machine.SystemId}, {machine.StatusName}): the teardown's gate does not hold (see `slate gate teardown`)",
                "not in MAAS", machine.StatusName);
        if (Error is not null)
        {
            yield return new Finding(Severity.Fatal, "hypervisor-unreachable", "hypervisor", $"the domains cannot be read: {Error}");
            yield break;
        }
        foreach (var host in site.Hosts)
        {
            if (Domain(host.Name) is not { } domain)
                yield return new Finding(Severity.Fatal, "domain-missing", host.Name, "the hypervisor has no domain of this name", "defined, shut off", "absent");
            else if (domain.State != DomainState.ShutOff)
                yield return new Finding(Severity.Precondition, "domain-not-shut-off", host.Name,
                    $"the domain is {DomainStates.Describe(domain.State)}: it must be shut off", "shut off", DomainStates.Describe(domain.State));
        }
    }
}
