using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using Slate.Runbook.StaleNetworks;
using Slate.Runbook.Tests.AfterTeardown;

namespace Slate.Runbook.Tests.StaleNetworks;

/// <summary>
/// Which NICs of a real domain definition sit on a stale network: by network name, or of type bridge straight on the
/// bridge the site names or the one libvirt reports for the network. Slate.Libvirt's DomainXml reads the bridge from
/// &lt;source bridge=…&gt;, which libvirt also prints for a network NIC of a running domain (its own network's bridge).
/// </summary>
public sealed class StaleNicTests
{
    private static readonly StaleNetwork Lbaas = new("8_lbaas", "virbr6");

    [Theory]
    [InlineData("network", "8_lbaas", null, null, true)]
    [InlineData("bridge", null, "virbr6", null, true)]
    [InlineData("bridge", null, "virbr9", "virbr9", true)]
    [InlineData("bridge", null, "br-ex", "virbr9", false)]
    [InlineData("bridge", null, null, null, false)]
    [InlineData("network", "default", "virbr6", "virbr6", false)]
    public void A_nic_is_on_the_stale_network_by_its_name_or_as_a_bridge_nic_on_its_bridge(string type, string? network, string? bridge, string? observedBridge, bool on) =>
        Assert.Equal(on, StaleNic.IsOn(new DomainInterface("52:54:00:00:00:01", type, network, bridge, "virtio"), Lbaas, observedBridge));

    [Fact]
    public void A_hosts_other_nics_are_named_by_network_or_else_bridge_or_else_type()
    {
        var devices = new DomainDevices("openstack0", [],
        [
            new DomainInterface("52:54:00:00:00:0A", "network", "8_lbaas", null, "virtio"),
            new DomainInterface("52:54:00:00:00:0B", "bridge", null, "br-ex", "virtio"),
            new DomainInterface("52:54:00:00:00:0C", "network", "default", "virbr0", "virtio"),
            new DomainInterface("52:54:00:00:00:0D", "user", null, null, "virtio"),
        ]);
        var observation = new StaleNetworksObservation([],
            new Dictionary<string, HypervisorNetwork?> { ["8_lbaas"] = new("8_lbaas", true, "virbr6", "<network/>") }, [devices],
            new Dictionary<string, string>(), null, JournalBaseline.None);

        Assert.Equal("52:54:00:00:00:0b br-ex, 52:54:00:00:00:0c default, 52:54:00:00:00:0d user", observation.OtherNics(AfterTeardownWorld.CaracalSite, "openstack0"));
    }
}
