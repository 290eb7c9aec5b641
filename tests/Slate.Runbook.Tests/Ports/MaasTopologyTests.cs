using Slate.Runbook.Ports;

namespace Slate.Runbook.Tests.Ports;

/// <summary>Looking a VLAN up in the topology a run read from MAAS.</summary>
public sealed class MaasTopologyTests
{
    private static readonly MaasVlan Untagged = new(5001, 0, 1, "fabric-1", null);
    private static readonly MaasVlan Storage = new(5002, 30, 1, "fabric-1", "storage");
    private static readonly MaasTopology Topology = new([new MaasFabric(1, "fabric-1", [Untagged, Storage])], [], []);

    [Fact]
    public void A_vlan_is_found_by_its_fabric_and_tag()
    {
        Assert.Equal(Storage, Topology.VlanOn(1, 30));
    }

    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 30)]
    public void A_tag_or_a_fabric_the_topology_does_not_hold_is_no_vlan(int fabric, int vid)
    {
        Assert.Null(Topology.VlanOn(fabric, vid));
    }
}
