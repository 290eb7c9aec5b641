using Slate.Lab.Hypervisor;
using Slate.Libvirt.Tests.Contract;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Libvirt.Tests.Lab;

/// <summary>The lab twin seeded from the runbook's site, after Step 2 (all domains shut off).</summary>
public sealed class LabWorld : IHypervisorWorld
{
    private readonly Site site = SiteFiles.Caracal();
    private readonly LabHypervisor lab;
    private readonly Dictionary<string, string> networkMacs;

    public LabWorld()
    {
        lab = LabHypervisor.FromSite(site);
        foreach (var host in site.Hosts) lab.SetState(host.Name, DomainState.ShutOff);
        networkMacs = site.Hosts.ToDictionary(h => h.Name, h => lab.NicsOf(h.Name).Single(n => n.Network == Network).Mac);
    }

    public IHypervisor Hypervisor => lab;

    public IReadOnlyList<string> Domains => [.. site.Hosts.Select(h => h.Name)];

    public string Network => site.Libvirt.StaleNetworks[0].Name;

    public string Bridge => site.Libvirt.StaleNetworks[0].Bridge;

    public string ImagesDir => site.Libvirt.ImagesDir;

    public string OsDisk(string domain) => $"{ImagesDir}/{domain}.qcow2";

    public string OsdDisk(string domain) => site.Osd.FileFor(site.Host(domain), ImagesDir);

    public string NetworkMac(string domain) => networkMacs[domain];

    public void Symlink(string link, string target) => lab.Symlink(link, target);

    public void Dispose() { }
}
