using Slate.Runbook.Carve;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Sites;

namespace Slate.Runbook.Tests.Carve;

/// <summary>The Pattern A diff on hand-built MAAS answers: what only a bent topology or tree can show.</summary>
public sealed class CarveDiffTests
{
    private static readonly Site Site = SiteLoader.Load(SiteFiles.CaracalPath);
    private static readonly Host Host0 = Site.Host("openstack0");

    // The runbook's topology as MAAS holds it: a fabric per untagged plane, VLAN 103 on the metal fabric.
    private static readonly MaasVlan Provider = CarveMaas.Provider;
    private static readonly MaasVlan Metal = CarveMaas.Metal;
    private static readonly MaasVlan Internal = CarveMaas.Internal;
    private static readonly MaasVlan Data = CarveMaas.Data;
    private static readonly MaasVlan Storage = CarveMaas.Storage;
    private static readonly MaasVlan Replication = CarveMaas.Replication;

    private static MaasTopology Topology(MaasVlan? internalVlan = null, MaasVlan? storageSubnetVlan = null)
    {
        var vlans = new[] { Provider, Metal, internalVlan ?? Internal, Data, Storage, Replication };
        var subnets = new[]
        {
            new MaasSubnet(1, "10.12.4.0/22", Provider, "provider-public"), new MaasSubnet(2, "10.12.8.0/22", Metal, "metal-admin"),
            new MaasSubnet(3, "10.12.12.0/22", internalVlan ?? Internal, "metal-internal"), new MaasSubnet(4, "10.12.16.0/22", Data, "data-tenant"),
            new MaasSubnet(5, "10.12.32.0/22", storageSubnetVlan ?? Storage, "storage"), new MaasSubnet(6, "10.12.36.0/22", Replication, "replication"),
        };
        return new MaasTopology(vlans.GroupBy(v => v.FabricId).Select(g => new MaasFabric(g.Key, g.First().Fabric, g.ToList())).ToList(), subnets, []);
    }

    private static List<MaasInterface> Commissioned() => CarveMaas.Commissioned();

    private static MaasInterface Nic(int id, string name, MaasVlan vlan, params MaasLink[] links) => CarveMaas.Nic(id, name, vlan, links);

    private static MaasMachine Ready(IReadOnlyList<MaasInterface> interfaces) => new("abc123", "openstack0", 4, "Ready", "off", "pod", interfaces);

    private static HostDiff Compare(IReadOnlyList<MaasInterface> interfaces, MaasTopology? topology = null,
        IReadOnlyDictionary<int, IReadOnlyList<MaasAddress>>? addresses = null) =>
        CarveDiff.Compare(Site, Host0, Ready(interfaces), topology ?? Topology(), addresses);

    private static IEnumerable<string> Steps(HostDiff diff) => diff.Changes.Select(c => $"{c.Action.GetType().Name} {c.Interface}");

    [Fact]
    public void A_fresh_host_gets_parents_before_children_and_links_last_and_its_auto_link_goes_with_the_new_bridge()
    {
        var diff = Compare(Commissioned());

        Assert.Empty(diff.Findings);
        Assert.Equal(
        [
            "CreateBridge br-ex", "CreateBridge br-metal", "CreateVlan br-metal.103", "CreateBridge br-internal",
            "Link br-ex", "Link br-metal", "Link br-internal", "Link enp8s0", "Link enp9s0", "Link enp10s0",
        ], Steps(diff));
        Assert.Equal(5003, diff.Changes.Select(c => c.Action).OfType<CarveAction.CreateVlan>().Single().VlanId);
    }

    [Fact]
    public void Links_are_a_set_difference_the_right_link_stays_and_only_the_wrong_one_is_unlinked()
    {
        var nics = Commissioned();
        nics[2] = Nic(3, "enp8s0", Data, new MaasLink(21, "static", "10.12.16.0/22", "10.12.16.10", 4), new MaasLink(22, "static", "10.12.16.0/22", "10.12.16.77", 4));

        var diff = Compare(nics);

        Assert.DoesNotContain(diff.Changes, c => c.Interface == "enp8s0" && c.Action is CarveAction.Link);
        var unlink = Assert.Single(diff.Changes, c => c.Interface == "enp8s0");
        Assert.Equal(22, Assert.IsType<CarveAction.Unlink>(unlink.Action).LinkId);
    }

    [Fact]
    public void A_stray_tree_is_deleted_once_at_its_top_and_its_children_go_with_it()
    {
        var nics = Commissioned();
        nics.Add(new MaasInterface(30, "br-old", "bridge", null, ["enp9s0"], [], Storage, "standard"));
        nics.Add(new MaasInterface(31, "br-old.104", "vlan", null, ["br-old"], [], Storage));

        var diff = Compare(nics);

        var delete = Assert.Single(diff.Changes, c => c.Action is CarveAction.DeleteInterface);
        Assert.Equal(("br-old", "br-old.104"), (delete.Interface, Assert.IsType<CarveAction.DeleteInterface>(delete.Action).Cascade));
        Assert.IsType<CarveAction.DeleteInterface>(diff.Changes[0].Action);
    }

    [Fact]
    public void A_nic_whose_plane_subnet_is_on_another_vlan_is_relinked_with_force_onto_it()
    {
        var diff = Compare(Commissioned(), Topology(storageSubnetVlan: Replication));

        Assert.Empty(diff.Findings);
        var link = Assert.Single(diff.ChangesTo("enp9s0"));
        Assert.Equal("no link", Assert.IsType<CarveAction.Link>(link.Action).Dropped);
        Assert.Equal("VLAN untagged of fabric-3", link.Observed);
        var action = CarvePlanner.Plan(Site, [Host0], [diff]).Actions.Single(a => a.Subject == "openstack0 enp9s0");
        Assert.Equal("openstack0 enp9s0: STATIC 10.12.32.10 on 10.12.32.0/22 with force (MAAS moves it off VLAN untagged of fabric-3)", action.Description);
    }

    /// <summary>Commissioning leaves a NIC with no DHCP lease on a fabric of its own (network.py guess_vlan_for_interface).</summary>
    [Fact]
    public void A_nic_that_carries_only_a_bridge_and_sits_on_a_fabric_of_its_own_is_moved_to_its_planes_vlan_before_the_bridge()
    {
        var own = new MaasVlan(5100, 0, 7, "fabric-7", null);
        var nics = Commissioned();
        nics[0] = Nic(1, "enp1s0", own, new MaasLink(11, "link_up", null, null));

        var diff = Compare(nics);

        Assert.Empty(diff.Findings);
        var move = diff.Changes[0];
        Assert.Equal(("enp1s0", 5001), (move.Interface, Assert.IsType<CarveAction.SetVlan>(move.Action).VlanId));
        Assert.Equal(("VLAN untagged of fabric-0", "VLAN untagged of fabric-7"), (move.Expected, move.Observed));
        Assert.Equal(["CreateBridge", "Link"], diff.ChangesTo("br-ex").Select(c => c.Action.GetType().Name));
        Assert.Null(Assert.IsType<CarveAction.Link>(diff.ChangesTo("br-ex").Last().Action).Dropped);
    }

    [Fact]
    public void A_nic_that_carries_a_tagged_plane_only_is_moved_to_the_untagged_vlan_of_that_planes_fabric()
    {
        var own = new MaasVlan(5100, 0, 7, "fabric-7", null);
        var nics = Commissioned();
        nics[1] = Nic(2, "enp7s0", own, new MaasLink(12, "link_up", null, null));
        var site = SiteLoader.Parse(SiteFiles.CaracalWith(", plane: metal-admin }", " }"), "site.yaml"); // br-metal carries no plane now

        var diff = CarveDiff.Compare(site, site.Host("openstack0"), Ready(nics), Topology(), null);

        var move = Assert.Single(diff.Changes, c => c.Action is CarveAction.SetVlan);
        Assert.Equal(("enp7s0", "VLAN untagged of fabric-1"), (move.Interface, move.Expected));
    }

    [Fact]
    public void A_tagged_vlan_missing_from_the_parents_fabric_is_fatal()
    {
        var diff = Compare(Commissioned(), Topology(internalVlan: Internal with { FabricId = 2, Fabric = "fabric-2" }));

        Assert.Contains(diff.Findings, f => f.Code == "vlan-missing" && f.Message == "MAAS has no VLAN 103 on fabric-1, the fabric of br-metal");
        Assert.DoesNotContain(diff.Changes, c => c.Action is CarveAction.CreateVlan);
    }

    [Fact]
    public void An_address_this_host_holds_on_a_link_the_plan_unlinks_is_not_a_conflict_but_one_another_machine_holds_is()
    {
        var nics = Commissioned();
        nics[3] = Nic(4, "enp9s0", Storage, new MaasLink(40, "static", "10.12.16.0/22", "10.12.16.10", 4));
        var ours = new Dictionary<int, IReadOnlyList<MaasAddress>> { [4] = [new MaasAddress("10.12.16.10", "abc123", "openstack0", "enp9s0")] };
        var theirs = new Dictionary<int, IReadOnlyList<MaasAddress>> { [4] = [new MaasAddress("10.12.16.10", "zzz999", "capi-mgmt", null)] };

        var diff = Compare(nics, addresses: ours);
        Assert.Empty(diff.Findings);
        Assert.Contains(diff.ChangesTo("enp9s0"), c => c.Action is CarveAction.Unlink { LinkId: 40 });
        var finding = Assert.Single(Compare(Commissioned(), addresses: theirs).Findings);
        Assert.Equal("10.12.16.10 is already used by capi-mgmt (machine)", finding.Message);
    }

    [Fact]
    public void An_address_this_host_holds_on_an_interface_the_plan_leaves_alone_is_fatal_naming_that_interface()
    {
        var nics = Commissioned();
        nics.Add(Nic(9, "enp11s0", Data, new MaasLink(90, "static", "10.12.16.0/22", "10.12.16.10", 4)));
        var ours = new Dictionary<int, IReadOnlyList<MaasAddress>> { [4] = [new MaasAddress("10.12.16.10", "abc123", "openstack0", "enp11s0")] };

        var finding = Assert.Single(Compare(nics, addresses: ours).Findings, f => f.Severity == Severity.Fatal);

        Assert.Equal(("address-in-use", "10.12.16.10 is already used by openstack0 (machine, enp11s0)"), (finding.Code, finding.Message));
    }

    [Fact]
    public void This_hosts_own_discovered_lease_on_its_address_is_fatal_with_the_command_that_releases_it()
    {
        var ours = new Dictionary<int, IReadOnlyList<MaasAddress>>
        {
            [4] = [new MaasAddress("10.12.16.10", "abc123", "openstack0", "enp8s0", MaasAddressKind.Discovered)],
        };

        var finding = Assert.Single(Compare(Commissioned(), addresses: ours).Findings);

        Assert.Equal("10.12.16.10 is already used by openstack0 (machine, enp8s0, discovered); release it first: " +
                     "maas $PROFILE ipaddresses release ip=10.12.16.10 force=true discovered=true", finding.Message);
    }

    [Theory]
    [InlineData(MaasAddressKind.Discovered, "an address MAAS saw in use on the network (discovered, no node)")]
    [InlineData(MaasAddressKind.Dhcp, "a DHCP lease no node holds")]
    [InlineData(MaasAddressKind.UserReserved, "a reservation (no node)")]
    public void An_address_row_no_node_holds_is_fatal_and_named_by_its_kind(MaasAddressKind kind, string holder)
    {
        var rows = new Dictionary<int, IReadOnlyList<MaasAddress>> { [4] = [new MaasAddress("10.12.16.10", null, null, null, kind)] };

        Assert.Equal($"10.12.16.10 is already used by {holder}", Assert.Single(Compare(Commissioned(), addresses: rows).Findings).Message);
    }

    [Theory]
    [InlineData(MaasNodeKind.Device, "juju-lxd-1 (device, eth0)")]
    [InlineData(MaasNodeKind.RegionAndRackController, "juju-lxd-1 (region and rack controller, eth0)")]
    [InlineData(MaasNodeKind.RackController, "juju-lxd-1 (rack controller, eth0)")]
    [InlineData(MaasNodeKind.RegionController, "juju-lxd-1 (region controller, eth0)")]
    public void An_address_a_device_or_controller_holds_names_what_holds_it(MaasNodeKind kind, string holder)
    {
        var rows = new Dictionary<int, IReadOnlyList<MaasAddress>> { [4] = [new MaasAddress("10.12.16.10", "dev001", "juju-lxd-1", "eth0", MaasAddressKind.Sticky, kind)] };

        Assert.Equal($"10.12.16.10 is already used by {holder}", Assert.Single(Compare(Commissioned(), addresses: rows).Findings).Message);
    }

    [Fact]
    public void A_host_address_inside_a_dynamic_range_is_fatal_quoting_maas_refusal()
    {
        var topology = Topology() with { Ranges = [new MaasIpRange(1, true, 4, AddressRange.Parse("10.12.16.5-10.12.16.20")!, "")] };

        var finding = Assert.Single(CarveDiff.Compare(Site, Host0, Ready(Commissioned()), topology, null).Findings);

        Assert.Equal((Severity.Fatal, "address-in-dynamic-range", "openstack0 enp8s0"), (finding.Severity, finding.Code, finding.Subject));
        Assert.Equal("10.12.16.10 is inside MAAS's dynamic range 10.12.16.5 to 10.12.16.20 on 10.12.16.0/22, and MAAS refuses a STATIC link there " +
                     "(\"IP address is inside a dynamic range 10.12.16.5 to 10.12.16.20.\"): shrink the range or renumber the host", finding.Message);
        Assert.Equal("dynamic range 10.12.16.5 to 10.12.16.20", finding.Observed);
    }

    [Fact]
    public void A_host_address_inside_a_reserved_range_is_a_warning_because_maas_links_it()
    {
        var topology = Topology() with { Ranges = [new MaasIpRange(1, false, 4, AddressRange.Parse("10.12.16.10-10.12.16.13")!, "hosts")] };

        var finding = Assert.Single(CarveDiff.Compare(Site, Host0, Ready(Commissioned()), topology, null).Findings);

        Assert.Equal((Severity.Warning, "address-in-reserved-range"), (finding.Severity, finding.Code));
        Assert.Equal("10.12.16.10 is inside the reserved range 10.12.16.10 to 10.12.16.13 (hosts) on 10.12.16.0/22: MAAS links it, but check that the range is kept for these hosts",
            finding.Message);
    }

    [Fact]
    public void A_range_of_another_subnet_or_one_that_misses_the_address_is_no_finding()
    {
        var topology = Topology() with
        {
            Ranges = [new MaasIpRange(1, true, 5, AddressRange.Parse("10.12.16.0-10.12.16.255")!, ""), new MaasIpRange(2, true, 4, AddressRange.Parse("10.12.16.11-10.12.16.20")!, "")],
        };

        Assert.Empty(CarveDiff.Compare(Site, Host0, Ready(Commissioned()), topology, null).Findings);
    }
}
