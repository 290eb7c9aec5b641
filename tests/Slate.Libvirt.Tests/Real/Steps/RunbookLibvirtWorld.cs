using System.Security.Cryptography;
using System.Xml.Linq;
using Slate.Libvirt.Tests.Lab;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Libvirt.Tests.Real.Steps;

/// <summary>
/// The runbook's hypervisor after the teardown, built in real libvirtd (qemu:///system) under unique names: a dir pool,
/// five isolated plane networks and a stale one, two shut-off host domains with six NICs each (one on the stale
/// network), a vda and a dirty vdb each (owned 64055:64055, mode 644, data in it), and a shut-off bystander domain
/// with a NIC on a plane. The site describes exactly this. Dispose removes those objects and the folder.
/// </summary>
public sealed class RunbookLibvirtWorld : IDisposable
{
    private const int Planes = 5;
    private readonly string suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private readonly DirectoryInfo root;

    public RunbookLibvirtWorld()
    {
        Hypervisor = Connect();
        root = Directory.CreateTempSubdirectory("slate-runbook-libvirt-");
        try
        {
            Build();
            Site = SiteFor(SiteFiles.Caracal());
            Services = new RealStepServices(Site, Hypervisor, Path.Combine(root.FullName, "run"));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public LibvirtHypervisor Hypervisor { get; }

    public Site Site { get; }

    internal RealStepServices Services { get; }

    public IReadOnlyList<string> Hosts => [$"slrb-{suffix}-h0", $"slrb-{suffix}-h1"];

    public string Bystander => $"slrb-{suffix}-by";

    public string StaleNetwork => $"slrb-{suffix}-lbaas";

    public string StaleBridge => $"srb{suffix}s";

    public string RunFolder => Path.Combine(root.FullName, "run");

    public string ImagesDir => Path.Combine(root.FullName, "images");

    public string OsDisk(string domain) => Path.Combine(ImagesDir, $"{domain}.qcow2");

    public string OsdDisk(string domain) => Path.Combine(ImagesDir, $"{domain}-1.qcow2");

    public string StaleMac(string host) => Mac(host, Planes);

    private IEnumerable<string> PlaneNetworks => Enumerable.Range(0, Planes).Select(i => $"slrb-{suffix}-p{i}");

    private IEnumerable<string> Domains => [.. Hosts, Bystander];

    private string Pool => $"slrb-{suffix}";

    public void Dispose()
    {
        var commands = Domains.Select(d => $"destroy {d}; undefine {d}")
            .Concat(PlaneNetworks.Append(StaleNetwork).Select(n => $"net-destroy {n}; net-undefine {n}"))
            .Append($"pool-destroy {Pool}; pool-undefine {Pool}");
        Virsh.Run(string.Join("; ", commands));
        Hypervisor.Dispose();
        root.Delete(recursive: true);
    }

    private static LibvirtHypervisor Connect()
    {
        try { return LibvirtHypervisor.Open(Virsh.Uri); }
        catch (HypervisorException e) when (e.Code == HypervisorErrorCode.Unreachable)
        {
            throw new InvalidOperationException($"{e.Message}; {Virsh.StartHint}", e);
        }
    }

    private void Build()
    {
        Directory.CreateDirectory(ImagesDir);
        var commands = new List<string>();
        foreach (var (network, i) in PlaneNetworks.Select((n, i) => (n, i)))
            commands.Add($"net-define {Write($"{network}.xml", NetworkXml(network, $"srb{suffix}{i}"))}; net-start {network}");
        commands.Add($"net-define {Write("stale.xml", NetworkXml(StaleNetwork, StaleBridge))}; net-start {StaleNetwork}");
        commands.Add($"pool-define-as {Pool} dir --target {ImagesDir}; pool-start {Pool}");
        foreach (var domain in Domains)
            commands.Add($"vol-create {Pool} {Write($"{domain}-vda.xml", VolumeXml(OsDisk(domain)))}");
        Virsh.Must(string.Join("; ", commands));
        foreach (var host in Hosts)
            MakeDirtyOsd(OsdDisk(host));
        Virsh.Must(string.Join("; ", Domains.Select(d => $"define {Write($"{d}.xml", DomainXml(d))}").Append($"pool-refresh {Pool}")));
    }

    /// <summary>An OSD disk Ceph has used: data written into it, owned by libvirt-qemu's ids, mode 644.</summary>
    private static void MakeDirtyOsd(string path)
    {
        Must(Virsh.RunProcess("qemu-img", "create", "-q", "-f", "qcow2", path, "1G"));
        Must(Virsh.RunProcess("qemu-io", "-f", "qcow2", "-c", "write -P 0x5a 0 4M", path));
        Must(Virsh.RunProcess("chown", "64055:64055", path));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    private static void Must((int ExitCode, string Stdout, string Stderr) result)
    {
        if (result.ExitCode != 0) throw new InvalidOperationException($"building the world failed: {result.Stderr.Trim()}");
    }

    /// <summary>The caracal site with this world's hosts, images folder and stale network; the runbook's OSD rule as is.</summary>
    private Site SiteFor(Site caracal) => caracal with
    {
        Hosts = [.. Hosts.Select((h, i) => new Host(h, i + 1, null))],
        Libvirt = caracal.Libvirt with { Uri = Virsh.Uri, ImagesDir = ImagesDir, StaleNetworks = [new StaleNetwork(StaleNetwork, StaleBridge)] },
        Protected = [],
        Orphans = [],
    };

    private string Write(string name, XElement xml)
    {
        var path = Path.Combine(root.FullName, name);
        File.WriteAllText(path, xml.ToString());
        return path;
    }

    private string Mac(string domain, int nic) => $"52:54:00:{suffix[..2]}:{suffix[2..4]}:{Domains.ToList().IndexOf(domain) * 16 + nic:x2}";

    private static XElement NetworkXml(string name, string bridge) =>
        new("network", new XElement("name", name),
            new XElement("bridge", new XAttribute("name", bridge), new XAttribute("stp", "off"), new XAttribute("delay", "0")));

    private static XElement VolumeXml(string path) =>
        new("volume", new XElement("name", Path.GetFileName(path)),
            new XElement("capacity", new XAttribute("unit", "G"), 1),
            new XElement("target", new XElement("format", new XAttribute("type", "qcow2")),
                new XElement("permissions", new XElement("owner", 0), new XElement("group", 0), new XElement("mode", "0600"))));

    private XElement DomainXml(string domain)
    {
        var isHost = Hosts.Contains(domain);
        List<string> networks = isHost ? [.. PlaneNetworks, StaleNetwork] : [.. PlaneNetworks.Take(1)];
        return new("domain", new XAttribute("type", "qemu"),
            new XElement("name", domain),
            new XElement("memory", new XAttribute("unit", "MiB"), 64),
            new XElement("vcpu", 1),
            new XElement("os", new XElement("type", new XAttribute("arch", "x86_64"), "hvm")),
            new XElement("devices",
                Disk(OsDisk(domain), "vda"),
                isHost ? Disk(OsdDisk(domain), "vdb") : null,
                networks.Select((network, i) => new XElement("interface", new XAttribute("type", "network"),
                    new XElement("mac", new XAttribute("address", Mac(domain, i))),
                    new XElement("source", new XAttribute("network", network)),
                    new XElement("model", new XAttribute("type", "virtio"))))));
    }

    private static XElement Disk(string path, string target) =>
        new("disk", new XAttribute("type", "file"), new XAttribute("device", "disk"),
            new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", "qcow2")),
            new XElement("source", new XAttribute("file", path)),
            new XElement("target", new XAttribute("dev", target), new XAttribute("bus", "virtio")));
}
