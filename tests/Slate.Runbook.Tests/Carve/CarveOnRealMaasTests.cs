using Slate.Runbook.Carve;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Tests.Carve;

/// <summary>
/// The carve on trees and address rows a real MAAS leaves (issue 27): NICs commissioning put on fabrics of their own,
/// address rows of this host that the plan frees or not, and ranges that overlap.
/// </summary>
public sealed class CarveOnRealMaasTests
{
    private static readonly Site Site = CaracalCloud.Caracal;
    private static readonly MaasVlan Own = new(5100, 0, 7, "fabric-7", null);

    private static HostDiff Compare(IReadOnlyList<MaasInterface> interfaces, IReadOnlyDictionary<int, IReadOnlyList<MaasAddress>>? addresses = null,
        string status = "Ready", MaasTopology? topology = null) =>
        CarveDiff.Compare(Site, Site.Host("openstack0"), new MaasMachine("abc123", "openstack0", 4, status, "off", "pod", interfaces),
            topology ?? new CarveMaas().Topology, addresses);

    private static Dictionary<int, IReadOnlyList<MaasAddress>> Rows(int subnetId, params MaasAddress[] rows) => new() { [subnetId] = rows };

    private static MaasInterface ProviderBridge() =>
        new(20, "br-ex", "bridge", null, ["enp1s0"], [new MaasLink(21, "static", "10.12.4.0/22", "10.12.4.10", 1)], CarveMaas.Provider, "ovs");

    [Fact]
    public void A_nic_on_no_vlan_that_carries_a_bridge_is_moved_from_no_vlan()
    {
        var nics = CarveMaas.Commissioned();
        nics[0] = nics[0] with { Vlan = null };

        var move = Assert.Single(Compare(nics).Changes, c => c.Action is CarveAction.SetVlan);

        Assert.Equal(("enp1s0", "on no VLAN", "VLAN untagged of fabric-0"), (move.Interface, move.Observed, move.Expected));
    }

    /// <summary>signals/interfaces.py interface_vlan_update: the VLAN move deletes the NIC's links, so none is unlinked first.</summary>
    [Fact]
    public void A_moved_nics_links_are_dropped_by_maas_not_unlinked()
    {
        var nics = CarveMaas.Commissioned();
        nics[0] = CarveMaas.Nic(1, "enp1s0", Own, new MaasLink(30, "dhcp", null, null));
        nics.Add(ProviderBridge());

        var diff = Compare(nics);

        Assert.Equal(["SetVlan"], diff.ChangesTo("enp1s0").Select(c => c.Action.GetType().Name));
        Assert.Empty(diff.ChangesTo("br-ex"));
    }

    [Fact]
    public void This_hosts_address_on_a_nic_the_new_bridge_clears_is_free_for_the_bridge()
    {
        var nics = CarveMaas.Commissioned();
        nics[0] = CarveMaas.Nic(1, "enp1s0", CarveMaas.Provider, new MaasLink(30, "static", "10.12.4.0/22", "10.12.4.10", 1));

        var diff = Compare(nics, Rows(1, new MaasAddress("10.12.4.10", "abc123", "openstack0", "enp1s0")));

        Assert.Empty(diff.Findings);
        Assert.Contains(diff.Changes, c => c.Action is CarveAction.Link && c.Interface == "br-ex");
    }

    [Fact]
    public void Another_machines_address_is_fatal_even_on_an_interface_name_this_plan_frees()
    {
        var nics = CarveMaas.Commissioned();
        nics[0] = CarveMaas.Nic(1, "enp1s0", CarveMaas.Provider, new MaasLink(30, "static", "10.12.4.0/22", "10.12.4.10", 1));

        var diff = Compare(nics, Rows(1, new MaasAddress("10.12.4.10", "zzz999", "capi-mgmt", "enp1s0")));

        Assert.Equal("10.12.4.10 is already used by capi-mgmt (machine, enp1s0)", Assert.Single(diff.Findings).Message);
    }

    [Theory]
    [InlineData("enp11s0")]
    [InlineData("enp9s0")]
    public void This_hosts_row_on_an_interface_without_that_link_is_fatal_not_assumed_free(string via)
    {
        var diff = Compare(CarveMaas.Commissioned(), Rows(4, new MaasAddress("10.12.16.10", "abc123", "openstack0", via)));

        Assert.Equal($"10.12.16.10 is already used by openstack0 (machine, {via})", Assert.Single(diff.Findings).Message);
    }

    [Fact]
    public void A_deployed_host_is_refused_quoting_the_first_edit_maas_refuses_there_not_a_put()
    {
        var nics = CarveMaas.Commissioned();
        nics[0] = nics[0] with { Vlan = Own };

        var finding = Compare(nics, status: "Deployed").Findings[0];

        Assert.EndsWith("\"Cannot create bridge interface because the machine is not New, Ready, Allocated, or Broken.\"", finding.Message);
    }

    [Fact]
    public void A_deployed_host_that_needs_only_a_vlan_move_is_refused_quoting_the_update()
    {
        var nics = new List<MaasInterface> { CarveMaas.Nic(1, "enp1s0", Own), ProviderBridge() };
        var site = SiteLoader.Parse("""
            cloud: { name: c, environment: test, maas_name: c, juju: { controller: j, model: m } }
            planes: [{ name: provider-public, cidr: 10.12.4.0/22 }]
            hosts: [{ name: openstack0, n: 10 }]
            protected: []
            orphans: []
            interfaces:
              - { name: enp1s0, type: physical }
              - { name: br-ex, type: bridge, bridge_type: ovs, parent: enp1s0, plane: provider-public }
            libvirt: { uri: "qemu:///system", power_address: "qemu+ssh://u@10.12.4.1/system", images: /var/lib/libvirt/images }
            osd: { device: vdb, file: "{images}/{host}-1.qcow2", size: 512G, format: qcow2, owner: root, group: root, mode: "600", never: [vda] }
            bundle: { api_charms: [], public_endpoint: public, public_plane: provider-public, vip_planes: [provider-public],
                      chassis: { application: ovn-chassis, option: bridge-interface-mappings, bridge: br-ex }, units: {}, policyd: [], forbidden_overlays: [] }
            """, "one-plane.yaml");

        var diff = CarveDiff.Compare(site, site.Host("openstack0"), new MaasMachine("abc123", "openstack0", 6, "Deployed", "on", "pod", nics),
            new CarveMaas().Topology, null);

        Assert.Equal(["SetVlan"], diff.Changes.Select(c => c.Action.GetType().Name));
        Assert.EndsWith("\"Cannot update interface interface because the machine is not New, Ready, Allocated, or Broken.\"", diff.Findings[0].Message);
    }

    /// <summary>The older rule still stands for a bridge on a VLAN interface: a forced link put it on its wrong link's VLAN.</summary>
    [Fact]
    public void A_kept_bridge_on_a_vlan_interface_that_a_forced_link_moved_is_relinked_with_force()
    {
        var nics = CarveMaas.Commissioned();
        nics.AddRange(
        [
            new MaasInterface(40, "br-metal", "bridge", null, ["enp7s0"], [new MaasLink(41, "static", "10.12.8.0/22", "10.12.8.10", 2)], CarveMaas.Metal, "standard"),
            new MaasInterface(42, "br-metal.103", "vlan", null, ["br-metal"], [], CarveMaas.Internal),
            new MaasInterface(43, "br-internal", "bridge", null, ["br-metal.103"], [new MaasLink(44, "static", "10.12.32.0/22", "10.12.32.99", 5)], CarveMaas.Storage, "standard"),
        ]);

        var link = Assert.Single(Compare(nics).ChangesTo("br-internal"));

        Assert.Equal("static 10.12.32.99", Assert.IsType<CarveAction.Link>(link.Action).Dropped);
    }

    [Theory]
    [InlineData("10.12.36.0/22", 6)]
    [InlineData("192.168.9.0/24", 99)]
    public void A_kept_bridge_on_a_vlan_interface_with_a_link_off_its_vlan_is_fatal_not_relinked(string cidr, int subnetId)
    {
        var nics = CarveMaas.Commissioned();
        MaasLink[] links = [new MaasLink(44, "static", "10.12.32.0/22", "10.12.32.99", 5), new MaasLink(45, "static", cidr, null, subnetId)];
        nics.AddRange(
        [
            new MaasInterface(40, "br-metal", "bridge", null, ["enp7s0"], [new MaasLink(41, "static", "10.12.8.0/22", "10.12.8.10", 2)], CarveMaas.Metal, "standard"),
            new MaasInterface(42, "br-metal.103", "vlan", null, ["br-metal"], [], CarveMaas.Internal),
            new MaasInterface(43, "br-internal", "bridge", null, ["br-metal.103"], links, CarveMaas.Storage, "standard"),
        ]);

        var diff = Compare(nics);

        Assert.Equal("subnet-vlan", Assert.Single(diff.Findings).Code);
        Assert.DoesNotContain(diff.Changes, c => c.Action is CarveAction.Link { Dropped: not null });
    }

    [Fact]
    public void An_address_in_a_reserved_range_inside_a_dynamic_one_is_fatal_whichever_maas_lists_first()
    {
        var topology = new CarveMaas().Topology with
        {
            Ranges =
            [
                new MaasIpRange(1, false, 4, AddressRange.Parse("10.12.16.10-10.12.16.11")!, ""),
                new MaasIpRange(2, true, 4, AddressRange.Parse("10.12.16.0-10.12.16.99")!, ""),
            ],
        };

        var finding = Assert.Single(Compare(CarveMaas.Commissioned(), topology: topology).Findings);

        Assert.Equal((Severity.Fatal, "address-in-dynamic-range"), (finding.Severity, finding.Code));
    }
}
