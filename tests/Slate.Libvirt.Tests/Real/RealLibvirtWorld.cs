using System.Security.Cryptography;
using System.Xml.Linq;
using Slate.Libvirt.Tests.Contract;
using Slate.Runbook.Ports;

namespace Slate.Libvirt.Tests.Real;

/// <summary>
/// A world built in real libvirtd (qemu:///system) under unique names: a dir pool in a temp folder, an isolated
/// network on its own bridge, two shut-off TCG domains. Dispose removes exactly those objects and the folder.
/// </summary>
public sealed class RealLibvirtWorld : IHypervisorWorld
{
    private readonly string suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private readonly LibvirtHypervisor hypervisor;
    private readonly DirectoryInfo root;

    public RealLibvirtWorld()
    {
        hypervisor = WorldParts.Connect();
        root = Directory.CreateTempSubdirectory("slate-libvirt-");
        try { Build(); }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IHypervisor Hypervisor => hypervisor;

    public IReadOnlyList<string> Domains => [$"slate-{suffix}-a", $"slate-{suffix}-b"];

    public string Network => $"slate-{suffix}";

    public string Bridge => $"slt{suffix}";

    public string Pool => $"slate-{suffix}";

    public string ImagesDir => Path.Combine(root.FullName, "images");

    public string OsDisk(string domain) => Path.Combine(ImagesDir, $"{domain}.qcow2");

    public string OsdDisk(string domain) => Path.Combine(ImagesDir, $"{domain}-1.qcow2");

    public string NetworkMac(string domain) => Mac(domain, 0);

    public void Symlink(string link, string target) => File.CreateSymbolicLink(link, target);

    public void Dispose()
    {
        var undefine = string.Join("; ", Domains.Select(d => $"undefine {d}"));
        Virsh.Run($"{undefine}; net-destroy {Network}; net-undefine {Network}; pool-destroy {Pool}; pool-undefine {Pool}");
        hypervisor.Dispose();
        root.Delete(recursive: true);
    }

    private void Build()
    {
        Directory.CreateDirectory(ImagesDir);
        var commands = new List<string>
        {
            $"net-define {Write("net.xml", LibvirtDefinitions.Network(Network, Bridge))}",
            $"net-start {Network}",
            $"pool-define-as {Pool} dir --target {ImagesDir}",
            $"pool-start {Pool}",
        };
        foreach (var domain in Domains)
        {
            commands.Add($"vol-create {Pool} {Write($"{domain}-vda.xml", WorldParts.Volume(OsDisk(domain), "0600"))}");
            commands.Add($"vol-create {Pool} {Write($"{domain}-vdb.xml", WorldParts.Volume(OsdDisk(domain), "0644"))}");
            commands.Add($"define {Write($"{domain}.xml", DomainXml(domain))}");
        }
        Virsh.Must(string.Join("; ", commands));
    }

    private string Write(string name, XElement xml)
    {
        var path = Path.Combine(root.FullName, name);
        File.WriteAllText(path, xml.ToString());
        return path;
    }

    private string Mac(string domain, int nic) => $"52:54:00:{suffix[..2]}:{suffix[2..4]}:{(Domains.ToList().IndexOf(domain) * 16 + nic):x2}";

    private XElement DomainXml(string domain) =>
        LibvirtDefinitions.Domain(domain,
            LibvirtDefinitions.Disk(OsDisk(domain), "vda"),
            LibvirtDefinitions.Disk(OsdDisk(domain), "vdb"),
            LibvirtDefinitions.NetworkNic(Mac(domain, 0), Network),
            new XElement("interface", new XAttribute("type", "bridge"),
                new XElement("mac", new XAttribute("address", Mac(domain, 1))),
                new XElement("source", new XAttribute("bridge", Bridge)),
                new XElement("model", new XAttribute("type", "virtio"))));
}
