using Slate.Lab.Juju;
using Slate.Runbook.Sites;

namespace Slate.Lab.Cloud;

/// <summary>
/// What the lab itself knows of where the phase left it, judged from its own state and never through a step: the
/// soak asks it whenever Slate's EXIT GATE says green, and every line it returns is a gate that was green while false.
/// </summary>
public static class LabTruth
{
    /// <summary>Each condition of the phase's end that does not hold in the lab; empty when all do.</summary>
    public static IReadOnlyList<string> PhaseEndFalsehoods(LabCloud cloud, LabJujuController juju)
    {
        var site = cloud.Site;
        var falsehoods = new List<string>();
        var machines = cloud.Machines.ToList();
        foreach (var host in site.Hosts)
        {
            var named = machines.Where(m => string.Equals(m.Hostname, host.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (named is not [var machine])
            {
                falsehoods.Add($"{host.Name}: {named.Count} machines in MAAS, not one");
                continue;
            }
            if (machine.Status != NodeStatus.Ready)
                falsehoods.Add($"{host.Name}: {machine.Status}, not Ready");
            foreach (var template in site.Interfaces.Where(t => t.Plane is not null))
            {
                var address = Site.AddressOf(host, site.Plane(template.Plane!));
                var carried = machine.Interfaces.FirstOrDefault(i => i.Name == template.Name)?.Links
                    .Any(l => l.Mode == LinkMode.Static && address.Equals(l.IpAddress)) ?? false;
                if (!carried)
                    falsehoods.Add($"{host.Name}: {template.Name} has no STATIC {address}");
            }
        }
        foreach (var shared in machines.SelectMany(m => m.Interfaces.Where(i => i.Type == InterfaceType.Physical).Select(i => (m.Hostname, i.MacAddress)))
                     .GroupBy(p => p.MacAddress, StringComparer.OrdinalIgnoreCase).Where(g => g.Select(p => p.Hostname).Distinct().Count() > 1))
            falsehoods.Add($"MAC {shared.Key} is on {string.Join(" and ", shared.Select(p => p.Hostname).Distinct())}");
        foreach (var stale in site.Libvirt.StaleNetworks.Where(n => cloud.Hypervisor.FindNetworkAsync(n.Name, CancellationToken.None).Result is not null))
            falsehoods.Add($"libvirt network {stale.Name} is still defined");
        if (juju.Models.Any(m => m.Name == site.Cloud.JujuModel))
            falsehoods.Add($"juju model {site.Cloud.JujuModel} still exists");
        return falsehoods;
    }
}
