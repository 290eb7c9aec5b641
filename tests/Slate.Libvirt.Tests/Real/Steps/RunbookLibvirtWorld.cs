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
        Hypervisor = WorldParts.Connect();
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

    private void Build()
    {
        Directory.CreateDirectory(ImagesDir);
        var commands = new List<string>();
        foreach (var (network, i) in PlaneNetworks.Select((n, i) => (n, i)))
            commands.Add($"net-define {Write($"{network}.xml", LibvirtDefinitions.Network(network, $"srb{suffix}{i}"))}; net-start {network}");
        commands.Add($"net-define {Write("stale.xml", LibvirtDefinitions.Network(StaleNetwork, StaleBridge))}; net-start {StaleNetwork}");
        commands.Add($"pool-define-as {Pool} dir --target {ImagesDir}; pool-start {Pool}");
        foreach (var domain in Domains)
            commands.Add($"vol-create {Pool} {Write($"{domain}-vda.xml", WorldParts.Volume(OsDisk(domain), "0600"))}");
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

    private XElement DomainXml(string domain)
    {
        var isHost = Hosts.Contains(domain);
        List<string> networks = isHost ? [.. PlaneNetworks, StaleNetwork] : [.. PlaneNetworks.Take(1)];
        return LibvirtDefinitions.Domain(domain,
            LibvirtDefinitions.Disk(OsDisk(domain), "vda"),
            isHost ? LibvirtDefinitions.Disk(OsdDisk(domain), "vdb") : null,
            networks.Select((network, i) => LibvirtDefinitions.NetworkNic(Mac(domain, i), network)));
    }
}
