using System.Globalization;
using System.Net;
using Slate.Runbook.Sites;

namespace Slate.Lab.Cloud;

/// <summary>
/// The MAAS network model: fabrics → VLANs → subnets, spaces on VLANs, IP ranges, and the subnets' address rows (every
/// machine link, every address commissioning discovered, and the rows standing on their own: the rack's, devices').
/// </summary>
public sealed class LabNetworks
{
    private const int FirstVlanId = 5001;
    private readonly LabCloud _cloud;
    private readonly List<LabFabric> _fabrics = [];
    private readonly List<LabSpace> _spaces = [];
    private readonly List<LabSubnet> _subnets = [];
    private readonly List<LabIpRange> _ranges = [];
    private readonly List<LabAddressRow> _standing = [];
    private int _nextVlanId = FirstVlanId;
    private int _nextFabricId;

    internal LabNetworks(LabCloud cloud) => _cloud = cloud;

    public IReadOnlyList<LabFabric> Fabrics { get { lock (_cloud.SyncRoot) return [.. _fabrics]; } }
    public IReadOnlyList<LabVlan> Vlans { get { lock (_cloud.SyncRoot) return [.. _fabrics.SelectMany(f => f.Vlans)]; } }
    public IReadOnlyList<LabSpace> Spaces { get { lock (_cloud.SyncRoot) return [.. _spaces]; } }
    public IReadOnlyList<LabSubnet> Subnets { get { lock (_cloud.SyncRoot) return [.. _subnets]; } }
    public IReadOnlyList<LabIpRange> Ranges { get { lock (_cloud.SyncRoot) return [.. _ranges]; } }

    /// <summary>The default VLAN: the untagged VLAN of the first fabric (models/vlan.py get_default_vlan).</summary>
    internal LabVlan DefaultVlan => _fabrics.MinBy(f => f.Id)!.Vlans[0];

    /// <summary>A new fabric with its untagged VLAN, named as MAAS names the fabrics it creates (fabric-N, N its id, never reused).</summary>
    internal LabFabric AddFabric()
    {
        var id = _nextFabricId++;
        var fabric = new LabFabric(id, "fabric-" + id.ToString(CultureInfo.InvariantCulture));
        _fabrics.Add(fabric);
        AddVlan(fabric, 0);
        return fabric;
    }

    internal LabVlan AddVlan(LabFabric fabric, int vid)
    {
        var vlan = new LabVlan(_nextVlanId++, vid, fabric);
        fabric.Vlans.Add(vlan);
        return vlan;
    }

    internal LabSpace AddSpace(string name)
    {
        var space = new LabSpace(_spaces.Count + 1, name);
        _spaces.Add(space);
        return space;
    }

    internal LabSubnet AddSubnet(IPNetwork cidr, LabVlan vlan)
    {
        var subnet = new LabSubnet(_subnets.Count + 1, cidr, vlan);
        _subnets.Add(subnet);
        return subnet;
    }

    internal LabIpRange AddRange(LabSubnet subnet, string type, AddressRange range, string comment)
    {
        var added = new LabIpRange(_ranges.Count + 1, type, subnet, range, comment);
        _ranges.Add(added);
        return added;
    }

    /// <summary>A row no machine link carries: the rack's own address, a device's, one seen on the wire (taken under the lock).</summary>
    public void AddStanding(LabAddressRow row)
    {
        lock (_cloud.SyncRoot) _standing.Add(row);
    }

    internal void RemoveStanding(Predicate<LabAddressRow> match) => _standing.RemoveAll(match);

    /// <summary>The dynamic range holding the address, if any (models/subnet.py get_dynamic_range_for_ip).</summary>
    internal LabIpRange? DynamicRangeFor(LabSubnet subnet, IPAddress address) =>
        _ranges.Find(r => r.Subnet == subnet && r.Type == LabIpRange.Dynamic && r.Range.Contains(address));

    /// <summary>
    /// A VLAN's fabric whose VLANs carry no subnet and no interface is deleted (models/signals/interfaces.py
    /// interface_vlan_update: "the old fabric/VLAN are left empty").
    /// </summary>
    internal void DeleteFabricIfEmpty(LabVlan vlan)
    {
        var fabric = vlan.Fabric;
        if (!_fabrics.Contains(fabric) || _subnets.Exists(s => s.Vlan.Fabric == fabric) || VlansInUse().Any(v => v.Fabric == fabric)) return;
        _fabrics.Remove(fabric);
        _cloud.Record("maas", $"deleted {fabric.Name}: no subnet and no interface left on it");
    }

    /// <summary>Whether any interface is on the VLAN (a machine's, or the rack's own).</summary>
    internal bool AnyInterfaceOn(LabVlan vlan) => VlansInUse().Contains(vlan);

    /// <summary>The VLANs of every interface: the machines', and the rack controller's (those of the subnets holding its addresses).</summary>
    private IEnumerable<LabVlan> VlansInUse() =>
        _cloud.Machines.Unsettled.SelectMany(m => m.Interfaces).Select(i => i.Vlan).OfType<LabVlan>()
            .Concat(_standing.Where(r => r.Holder?.Kind is NodeKind.RegionAndRackController).Select(r => r.Subnet.Vlan));

    public LabFabric? FindFabric(string specifier)
    {
        lock (_cloud.SyncRoot) return _fabrics.Find(f => f.Id.ToString(CultureInfo.InvariantCulture) == specifier || f.Name == specifier);
    }

    public LabVlan? FindVlan(int id)
    {
        lock (_cloud.SyncRoot) return _fabrics.SelectMany(f => f.Vlans).FirstOrDefault(v => v.Id == id);
    }

    public LabSpace? FindSpace(string specifier)
    {
        lock (_cloud.SyncRoot) return _spaces.Find(s => s.Id.ToString(CultureInfo.InvariantCulture) == specifier || s.Name == specifier);
    }

    /// <summary>By id, CIDR or name, as MAAS's subnet specifiers.</summary>
    public LabSubnet? FindSubnet(string specifier)
    {
        lock (_cloud.SyncRoot)
        {
            return int.TryParse(specifier, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? _subnets.Find(s => s.Id == id)
                : _subnets.Find(s => s.Cidr.ToString() == specifier || s.Name == specifier);
        }
    }

    public IReadOnlyList<LabSubnet> SubnetsOn(LabVlan vlan)
    {
        lock (_cloud.SyncRoot) return [.. _subnets.Where(s => s.Vlan == vlan)];
    }

    public IReadOnlyList<LabVlan> VlansIn(LabSpace? space)
    {
        lock (_cloud.SyncRoot) return [.. _fabrics.SelectMany(f => f.Vlans).Where(v => v.Space == space)];
    }

    /// <summary>
    /// Every address row of the subnet with an IP, in address order (models/subnet.py render_json_for_related_ips): the
    /// machines' links (AUTO, STICKY), what their commissioning discovered, and the standing rows.
    /// </summary>
    public IReadOnlyList<LabAddressRow> AddressesOn(LabSubnet subnet)
    {
        lock (_cloud.SyncRoot) return [.. AllRows().Where(r => r.Subnet == subnet).OrderBy(r => AddressRange.Number(r.Ip))];
    }

    /// <summary>Whether any row holds the address: a STATIC link to it answers "IP address is already in use." (models/interface.py _link_subnet_static).</summary>
    internal bool AddressInUse(IPAddress address) => AllRows().Any(r => r.Ip.Equals(address));

    /// <summary>Every address a row holds, read once for a search through a subnet or a range.</summary>
    private HashSet<IPAddress> AddressesInUse() => [.. AllRows().Select(r => r.Ip)];

    private IEnumerable<LabAddressRow> AllRows()
    {
        foreach (var machine in _cloud.Machines.Unsettled)
        {
            foreach (var nic in machine.Interfaces)
            {
                var holder = new LabAddressHolder(machine.SystemId, machine.Hostname, NodeKind.Machine, nic.Name);
                foreach (var link in nic.Links.Where(l => l.IpAddress is not null && l.Subnet is not null))
                    yield return new LabAddressRow(link.IpAddress!, link.Subnet!, link.Mode == LinkMode.Static ? AddressKind.Sticky : AddressKind.Auto, holder, machine.Owner);
                foreach (var seen in nic.Discovered)
                    yield return new LabAddressRow(seen.Ip, seen.Subnet, AddressKind.Discovered, holder);
            }
        }
        foreach (var row in _standing) yield return row;
    }

    /// <summary>
    /// The lowest free address of the subnet outside its dynamic and reserved ranges (models/staticipaddress.py
    /// allocate_new excludes both; the gateway .1 is never handed out).
    /// </summary>
    internal IPAddress NextFreeAddress(LabSubnet subnet)
    {
        var used = AddressesInUse();
        var ranges = _ranges.Where(r => r.Subnet == subnet).ToList();
        for (uint n = 2; n <= subnet.HostCount; n++)
        {
            var candidate = subnet.Offset(n);
            if (!used.Contains(candidate) && !ranges.Exists(r => r.Range.Contains(candidate))) return candidate;
        }
        throw LabApiException.Unavailable($"No more IPs available in subnet: {subnet.Cidr}.");
    }

    /// <summary>The address MAAS's DHCP server leases next on the subnet: the lowest free one of its dynamic ranges; null when it serves none or they are full.</summary>
    internal IPAddress? NextLease(LabSubnet subnet)
    {
        var used = AddressesInUse();
        foreach (var range in _ranges.Where(r => r.Subnet == subnet && r.Type == LabIpRange.Dynamic))
        {
            for (var n = AddressRange.Number(range.Range.Start); n <= AddressRange.Number(range.Range.End); n++)
            {
                var candidate = AddressRange.FromNumber(n);
                if (!used.Contains(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>The subnet machines PXE-boot from: the one holding the power address's host (the rack), else the first.</summary>
    internal LabSubnet? BootSubnet()
    {
        var rack = RackAddress();
        return _subnets.Find(s => rack is not null && s.Cidr.Contains(rack)) ?? _subnets.FirstOrDefault();
    }

    /// <summary>The rack controller's address: the host of the virsh power address, when it is an address.</summary>
    internal IPAddress? RackAddress() =>
        Uri.TryCreate(_cloud.Site.Libvirt.PowerAddress, UriKind.Absolute, out var uri) && IPAddress.TryParse(uri.Host, out var ip) ? ip : null;
}
