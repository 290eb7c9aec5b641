using System.Net;
using Slate.Lab.Faults;
using Slate.Lab.Hypervisor;
using Slate.Runbook.Sites;

namespace Slate.Lab.Cloud;

/// <summary>
/// The simulated cloud's MAAS state. Every public member takes <see cref="SyncRoot"/> and first applies the
/// asynchronous transitions that are due on the injected clock, so a FakeTimeProvider drives the lab directly.
/// </summary>
public sealed partial class LabCloud
{
    private const string SystemIdAlphabet = "abcdefghkmnpqrstwxy0123456789";
    private readonly List<LabMachine> _machines = [];
    private readonly List<LabEvent> _events = [];
    private readonly HashSet<string> _issuedSystemIds = new(StringComparer.Ordinal);
    private readonly Random _random;
    private int _nextInterfaceId = 1;
    private int _nextLinkId = 1;

    public LabCloud(Site site, TimeProvider time, LabTimings? timings = null, Random? random = null)
    {
        Site = site;
        Time = time;
        Timings = timings ?? LabTimings.Default;
        _random = random ?? new Random();
        Fabric = new LabFabric(0, "fabric-0");
        Pod = new LabPod(1, site.Cloud.Name + "-kvm", site.Libvirt.PowerAddress, NewSecret(20));
        Hypervisor = LabHypervisor.FromSite(site);
        LabCloudSeeder.Seed(this);
    }

    public Site Site { get; }

    /// <summary>The pod's hypervisor: the site hosts' domains, whose NICs the MAAS machines show and whose state MAAS power drives.</summary>
    public LabHypervisor Hypervisor { get; }
    public TimeProvider Time { get; }
    public LabTimings Timings { get; }

    /// <summary>The injected faults: the MAAS server applies the request faults, this state the stuck and failing machines.</summary>
    public LabFaults Faults { get; init; } = LabFaults.None;

    public string MaasName => Site.Cloud.MaasName;
    public string AdminUser => "admin";

    /// <summary>The lock every lab part takes before touching the state (re-entrant).</summary>
    public object SyncRoot { get; } = new();

    public LabFabric Fabric { get; }
    public LabPod Pod { get; }
    internal List<LabSpace> SpaceList { get; } = [];
    internal List<LabSubnet> SubnetList { get; } = [];

    public IReadOnlyList<LabVlan> Vlans => Fabric.Vlans;
    public IReadOnlyList<LabSpace> Spaces { get { lock (SyncRoot) return [.. SpaceList]; } }
    public IReadOnlyList<LabSubnet> Subnets { get { lock (SyncRoot) return [.. SubnetList]; } }

    public IReadOnlyList<LabMachine> Machines
    {
        get { lock (SyncRoot) { Settle(); return [.. _machines]; } }
    }

    public IReadOnlyList<LabEvent> Events { get { lock (SyncRoot) return [.. _events]; } }

    public void Record(string source, string message)
    {
        lock (SyncRoot) _events.Add(new LabEvent(Time.GetUtcNow(), source, message));
    }

    public bool IsProtected(LabMachine machine) => Site.IsProtected(machine.Hostname);

    public LabMachine? FindByHostname(string hostname)
    {
        lock (SyncRoot) { Settle(); return _machines.Find(m => m.Hostname == hostname); }
    }

    public LabMachine? FindBySystemId(string systemId)
    {
        lock (SyncRoot) { Settle(); return _machines.Find(m => m.SystemId == systemId); }
    }

    /// <summary>The machine with that system id, or the 404 MAAS answers.</summary>
    public LabMachine GetMachine(string systemId) => FindBySystemId(systemId) ?? throw LabApiException.NotFound("Machine");

    public LabSubnet? FindSubnet(string specifier)
    {
        lock (SyncRoot)
        {
            return int.TryParse(specifier, out var id)
                ? SubnetList.Find(s => s.Id == id)
                : SubnetList.Find(s => s.Cidr.ToString() == specifier || s.Name == specifier);
        }
    }

    public IReadOnlyList<LabSubnet> SubnetsOn(LabVlan vlan)
    {
        lock (SyncRoot) return SubnetList.Where(s => s.Vlan == vlan).ToList();
    }

    /// <summary>Applies every pending transition whose due time has passed on the lab clock.</summary>
    public void Settle()
    {
        lock (SyncRoot)
        {
            var now = Time.GetUtcNow();
            foreach (var machine in _machines.ToList())
            {
                if (machine.Pending is { } pending && pending.Due <= now)
                {
                    machine.Pending = null;
                    if (!Faults.Stuck.Contains(machine.Hostname)) Finish(machine, pending.Kind);
                    else Record(LabFaults.EventSource,
                        $"{machine.Hostname} ({machine.SystemId}) is stuck in {machine.Status.Label()}: its transition never completes");
                }
            }
        }
    }

    internal void Add(LabMachine machine) => _machines.Add(machine);

    internal string NewSystemId()
    {
        while (true)
        {
            var id = new string(Enumerable.Range(0, 6).Select(_ => SystemIdAlphabet[_random.Next(SystemIdAlphabet.Length)]).ToArray());
            if (_issuedSystemIds.Add(id)) return id;
        }
    }

    /// <summary>A new Random seeded from the lab's, so a lab built with a seeded Random draws its faults reproducibly.</summary>
    internal Random ForkRandom()
    {
        lock (SyncRoot) return new Random(_random.Next());
    }

    /// <summary>A random token from the system-id alphabet (API keys, the lab's power password).</summary>
    public string NewSecret(int length) =>
        new(Enumerable.Range(0, length).Select(_ => SystemIdAlphabet[_random.Next(SystemIdAlphabet.Length)]).ToArray());

    internal LabInterface NewInterface(string name, InterfaceType type, string mac) => new(_nextInterfaceId++, name, type, mac);

    internal LabLink NewLink(LinkMode mode, LabSubnet? subnet, IPAddress? address) => new(_nextLinkId++, mode, subnet, address);

    internal bool MacInUse(string mac, out LabMachine? owner)
    {
        owner = _machines.Find(m => m.Interfaces.Any(i => string.Equals(i.MacAddress, mac, StringComparison.OrdinalIgnoreCase)));
        return owner is not null;
    }

    internal bool AddressInUse(IPAddress address) =>
        _machines.Any(m => m.Interfaces.Any(i => i.Links.Any(l => address.Equals(l.IpAddress))));

    /// <summary>The lowest free address of the subnet (the gateway .1 is never handed out).</summary>
    internal IPAddress NextFreeAddress(LabSubnet subnet)
    {
        for (uint n = 2; n <= subnet.HostCount; n++)
        {
            var candidate = subnet.Offset(n);
            if (!AddressInUse(candidate)) return candidate;
        }
        throw LabApiException.Unavailable($"No more IPs available in subnet: {subnet.Cidr}.");
    }

    /// <summary>The subnet machines PXE-boot from: the one holding the power address's host, else the first.</summary>
    internal LabSubnet? BootSubnet(LabVlan? vlan)
    {
        var candidates = SubnetList.Where(s => vlan is null || s.Vlan == vlan).ToList();
        var host = Uri.TryCreate(Site.Libvirt.PowerAddress, UriKind.Absolute, out var uri) && IPAddress.TryParse(uri.Host, out var ip) ? ip : null;
        return candidates.Find(s => host is not null && s.Cidr.Contains(host)) ?? candidates.FirstOrDefault();
    }
}
