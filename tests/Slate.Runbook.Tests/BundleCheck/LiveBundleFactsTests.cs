using System.Net;
using Slate.Runbook.BundleCheck;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Carve;
using Slate.Runbook.Tests.Sites;
using static Slate.Runbook.Tests.CaracalCloud;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>
/// `bundle check --live`: the spaces and provider MACs come from MAAS, read through the NIC under the public plane; the
/// topology is read once and the address rows only of the subnets that hold a VIP.
/// </summary>
public sealed class LiveBundleFactsTests
{
    private static MaasMachine Machine(string host, params (string Name, string? Mac)[] nics) =>
        new($"id-{host}", host, 6, "Deployed", "on", null, [.. nics.Select((n, i) => new MaasInterface(i, n.Name, "physical", n.Mac, [], []))]);

    [Fact]
    public async Task Each_hosts_mac_is_the_one_on_the_physical_nic_under_the_public_plane_in_lower_case()
    {
        var topology = new CarveMaas().Topology with { Spaces = [new MaasSpace(0, "provider-public", []), new MaasSpace(3, "storage", [])] };
        var maas = new LiveMaas("caracal-testcloud", topology,
        [
            Machine("openstack0", ("enp7s0", "52:54:00:AA:00:07"), ("enp1s0", "52:54:00:AA:00:01")),
            Machine("openstack1", ("enp7s0", "52:54:00:bb:00:07")),
            Machine("openstack2", ("enp1s0", null)),
        ]);

        var facts = await LiveBundleFacts.FromMaasAsync(Caracal, maas, [], CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { ["openstack0"] = "52:54:00:aa:00:01" }, facts.HostProviderMacs);
        Assert.Equal(["provider-public", "storage"], facts.Spaces.Order(StringComparer.Ordinal));
        Assert.Equal(["topology", "machines?openstack0,openstack1,openstack2,openstack3"], maas.Calls);
        Assert.Same(topology, facts.Network!.Topology);
    }

    [Fact]
    public async Task Only_the_subnets_holding_a_vip_have_their_address_rows_read_once_each()
    {
        var held = new MaasAddress("10.12.8.50", "abc123", "juju-abc123-0-lxd-0", "eth0", HolderKind: MaasNodeKind.Device);
        var maas = new LiveMaas("caracal-testcloud", new CarveMaas().Topology, [], new Dictionary<int, IReadOnlyList<MaasAddress>> { [2] = [held] });
        IPAddress[] vips = [IPAddress.Parse("10.12.8.50"), IPAddress.Parse("10.12.4.50"), IPAddress.Parse("10.12.8.51"), IPAddress.Parse("192.0.2.1")];

        var facts = await LiveBundleFacts.FromMaasAsync(Caracal, maas, vips, CancellationToken.None);

        Assert.Equal(["topology", "machines?openstack0,openstack1,openstack2,openstack3", "ip_addresses 2", "ip_addresses 1"], maas.Calls);
        Assert.Equal([held], facts.Network!.Addresses[2]);
        Assert.Empty(facts.Network.Addresses[1]);
    }

    [Fact]
    public void From_the_site_a_host_without_a_provider_mac_is_left_out()
    {
        var site = SiteLoader.Parse(SiteFiles.CaracalWith(", provider_mac: \"52:54:00:0c:04:0c\"", ""), "site.yaml");

        var facts = LiveBundleFacts.FromSite(site);

        Assert.Equal(["openstack0", "openstack1", "openstack3"], facts.HostProviderMacs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(site.Planes.Select(p => p.Name).Order(StringComparer.Ordinal), facts.Spaces.Order(StringComparer.Ordinal));
        Assert.Null(facts.Network);
    }

    [Theory]
    [InlineData("provider-public", "enp1s0")]
    [InlineData("metal-internal", "enp7s0")]
    [InlineData("storage", "enp9s0")]
    public void The_physical_nic_of_a_plane_is_found_through_bridges_and_vlans(string plane, string nic)
    {
        Assert.Equal(nic, Caracal.PhysicalFor(plane));
    }
}
