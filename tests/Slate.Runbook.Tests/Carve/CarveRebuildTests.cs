using Slate.Runbook.Carve;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Tests.Carve;

/// <summary>
/// A Pattern A interface MAAS has in the wrong shape is deleted and created again: the delete names what it becomes,
/// what MAAS holds now (every link with an address or a subnet), and the tree does not list it as leaving Pattern A.
/// And a VLAN the fabric of its parent lacks is named with that fabric.
/// </summary>
public sealed class CarveRebuildTests
{
    private static readonly Site Site = CaracalCloud.Caracal;

    private static HostDiff Compare(IReadOnlyList<MaasInterface> interfaces, MaasTopology? topology = null) =>
        CarveDiff.Compare(Site, Site.Host("openstack0"), new MaasMachine("abc123", "openstack0", 4, "Ready", "off", "pod", interfaces),
            topology ?? new CarveMaas().Topology, null);

    [Fact]
    public void A_bridge_on_the_wrong_parent_is_rebuilt_and_its_delete_names_what_it_becomes_and_what_it_holds()
    {
        var diff = Compare([.. CarveMaas.Commissioned(), new MaasInterface(40, "br-ex", "bridge", null, ["enp8s0"],
            [new MaasLink(41, "dhcp", null, null), new MaasLink(42, "link_up", "10.12.16.0/22", null, 4), new MaasLink(43, "link_up", null, null)], CarveMaas.Data, "standard")]);

        var delete = Assert.Single(diff.Changes, c => c.Action is CarveAction.DeleteInterface);
        var create = Assert.Single(diff.Changes, c => c.Action is CarveAction.CreateBridge && c.Interface == "br-ex");
        Assert.Equal(("br-ex", create.Expected), (delete.Interface, delete.Expected));
        Assert.NotEqual("absent (not in Pattern A)", delete.Expected);
        Assert.Equal("bridge standard on enp8s0, dhcp (no subnet)", delete.Observed);
        var tree = CarvePlanner.Plan(Site, [diff.Host], [diff]).Tables.SelectMany(t => t.Rows).Select(r => r[0]);
        Assert.DoesNotContain(tree, name => name.StartsWith('✗'));
    }

    [Fact]
    public void A_vlan_its_parents_fabric_lacks_is_fatal_naming_that_fabric()
    {
        var topology = new CarveMaas().Topology;
        topology = topology with { Fabrics = [.. topology.Fabrics.Select(f => f with { Vlans = [.. f.Vlans.Where(v => v.Vid != 103)] })] };

        var finding = Assert.Single(Compare(CarveMaas.Commissioned(), topology).Findings, f => f.Code == "vlan-missing");

        Assert.Equal(("openstack0 br-metal.103", "MAAS has no VLAN 103 on fabric-1, the fabric of br-metal"), (finding.Subject, finding.Message));
        Assert.Equal(("VLAN 103 on fabric-1", "absent"), (finding.Expected, finding.Observed));
    }
}
