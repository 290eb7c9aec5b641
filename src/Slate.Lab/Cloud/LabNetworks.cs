using System.Globalization;
using System.Net;

namespace Slate.Lab.Cloud;

/// <summary>
/// The MAAS network model: fabrics → VLANs → subnets, spaces on VLANs, and which VLAN each hypervisor network
/// carries (what commissioning observes). Address allocation reads the links of every machine.
/// </summary>
public sealed class LabNetworks
{
    private const int FirstVlanId = 5001;
    private readonly LabCloud _cloud;
    private readonly List<LabFabric> _fabrics = [];
    private readonly List<LabSpace> _spaces = [];
    private readonly List<LabSubnet> _subnets = [];
    private readonly Dictionary<string, LabVlan> _vlanOfNetwork = new(StringComparer.Ordinal);
    private int _nextVlanId = FirstVlanId;

    internal LabNetworks(LabCloud cloud) => _cloud = cloud;

    public IReadOnlyList<LabFabric> Fabrics { get { lock (_cloud.SyncRoot) return [.. _fabrics]; } }
    public IReadOnlyList<LabVlan> Vlans { get { lock (_cloud.SyncRoot) return [.. _fabrics.SelectMany(f => f.Vlans)]; } }
    public IReadOnlyList<LabSpace> Spaces { get { lock (_cloud.SyncRoot) return [.. _spaces]; } }
    public IReadOnlyList<LabSubnet> Subnets { get { lock (_cloud.SyncRoot) return [.. _subnets]; } }

    /// <summary>A new fabric with its untagged VLAN, named as MAAS names the fabrics it creates (fabric-N).</summary>
    internal LabFabric AddFabric()
    {
        var fabric = new LabFabric(_fabrics.Count, "fabric-" + _fabrics.Count.ToString(CultureInfo.InvariantCulture));
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

    /// <summary>Records that the hypervisor network <paramref name="network"/> carries <paramref name="vlan"/> untagged.</summary>
    internal void Attach(string network, LabVlan vlan) => _vlanOfNetwork[network] = vlan;

    /// <summary>
    /// The VLAN a NIC on that hypervisor network is on. A network MAAS has not seen yet gets a new fabric, as
    /// commissioning does for an untagged link it cannot place (metadataserver/builtin_scripts/network.py).
    /// </summary>
    internal LabVlan VlanOfNetwork(string network)
    {
        if (!_vlanOfNetwork.TryGetValue(network, out var vlan))
        {
            vlan = AddFabric().Vlans[0];
            _vlanOfNetwork[network] = vlan;
        }
        return vlan;
    }

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

    /// <summary>Every address assigned on the subnet with the machine and interface holding it, in address order (models/subnet.py render_json_for_related_ips).</summary>
    public IReadOnlyList<(LabMachine Machine, LabInterface Interface, LabLink Link)> AddressesOn(LabSubnet subnet)
    {
        lock (_cloud.SyncRoot)
        {
            return [.. _cloud.Machines.Unsettled
                .SelectMany(m => m.Interfaces.SelectMany(i => i.Links.Where(l => l.Subnet == subnet && l.IpAddress is not null).Select(l => (m, i, l))))
                .OrderBy(a => a.l.IpAddress!.GetAddressBytes(), Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y)))];
        }
    }

    internal bool AddressInUse(IPAddress address) =>
        _cloud.Machines.Unsettled.Any(m => m.Interfaces.Any(i => i.Links.Any(l => address.Equals(l.IpAddress))));

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

    /// <summary>The subnet machines PXE-boot from: the one holding the power address's host (the rack), else the first.</summary>
    internal LabSubnet? BootSubnet()
    {
        var rack = Uri.TryCreate(_cloud.Site.Libvirt.PowerAddress, UriKind.Absolute, out var uri) && IPAddress.TryParse(uri.Host, out var ip) ? ip : null;
        return _subnets.Find(s => rack is not null && s.Cidr.Contains(rack)) ?? _subnets.FirstOrDefault();
    }
}
