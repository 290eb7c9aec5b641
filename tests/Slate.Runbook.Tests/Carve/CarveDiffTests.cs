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

    private static IEnumerable<string> Steps(HostDiff diff) => diff.Changes.Select(c => $"{c.Kind} {c.Interface}");

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
        Assert.Equal("5003", diff.Changes.Single(c => c.Kind == CarveChangeKind.CreateVlan).Arguments[CarveArguments.VlanId]);
    }

    [Fact]
    public void Links_are_a_set_difference_the_right_link_stays_and_only_the_wrong_one_is_unlinked()
    {
        var nics = Commissioned();
        nics[2] = Nic(3, "enp8s0", Data, new MaasLink(21, "static", "10.12.16.0/22", "10.12.16.10", 4), new MaasLink(22, "static", "10.12.16.0/22", "10.12.16.77", 4));

        var diff = Compare(nics);

        Assert.DoesNotContain(diff.Changes, c => c.Interface == "enp8s0" && c.Kind == CarveChangeKind.Link);
        var unlink = Assert.Single(diff.Changes, c => c.Interface == "enp8s0");
        Assert.Equal((CarveChangeKind.Unlink, "22"), (unlink.Kind, unlink.Arguments[CarveArguments.LinkId]));
    }

    [Fact]
    public void A_stray_tree_is_deleted_once_at_its_top_and_its_children_go_with_it()
    {
        var nics = Commissioned();
        nics.Add(new MaasInterface(30, "br-old", "bridge", null, ["enp9s0"], [], Storage, "standard"));
        nics.Add(new MaasInterface(31, "br-old.104", "vlan", null, ["br-old"], [], Storage));

        var diff = Compare(nics);

        var delete = Assert.Single(diff.Changes, c => c.Kind == CarveChangeKind.DeleteInterface);
        Assert.Equal(("br-old", "br-old.104"), (delete.Interface, delete.Arguments[CarveArguments.Cascade]));
        Assert.Equal(CarveChangeKind.DeleteInterface, diff.Changes[0].Kind);
    }

    [Fact]
    public void A_plane_subnet_on_another_vlan_than_the_nic_is_fatal()
    {
        var diff = Compare(Commissioned(), Topology(storageSubnetVlan: Replication));

        var finding = Assert.Single(diff.Findings);
        Assert.Equal((Severity.Fatal, "subnet-vlan", "openstack0 enp9s0"), (finding.Severity, finding.Code, finding.Subject));
        Assert.Equal("VLAN untagged of fabric-4", finding.Observed);
    }

    [Fact]
    public void A_tagged_vlan_missing_from_the_parents_fabric_is_fatal()
    {
        var diff = Compare(Commissioned(), Topology(internalVlan: Internal with { FabricId = 2, Fabric = "fabric-2" }));

        Assert.Contains(diff.Findings, f => f.Code == "vlan-missing" && f.Message == "MAAS has no VLAN 103 on fabric-1, the fabric of br-metal");
        Assert.DoesNotContain(diff.Changes, c => c.Kind == CarveChangeKind.CreateVlan);
    }

    [Fact]
    public void An_address_held_by_this_host_is_not_a_conflict_but_one_held_by_another_machine_is()
    {
        var ours = new Dictionary<int, IReadOnlyList<MaasAddress>> { [4] = [new MaasAddress("10.12.16.10", "abc123", "openstack0", "enp9s0")] };
        var theirs = new Dictionary<int, IReadOnlyList<MaasAddress>> { [4] = [new MaasAddress("10.12.16.10", "zzz999", "capi-mgmt", null)] };

        Assert.Empty(Compare(Commissioned(), addresses: ours).Findings);
        var finding = Assert.Single(Compare(Commissioned(), addresses: theirs).Findings);
        Assert.Equal("10.12.16.10 is already used by capi-mgmt", finding.Message);
    }
}
