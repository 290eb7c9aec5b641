using Slate.Runbook.BundleCheck;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Preflight;
using Slate.Runbook.Tests.Sites;
using static Slate.Runbook.Tests.CaracalCloud;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>`bundle check --live`: the spaces and provider MACs come from MAAS, read through the NIC under the public plane.</summary>
public sealed class LiveBundleFactsTests
{
    private static MaasMachine Machine(string host, params (string Name, string? Mac)[] nics) =>
        new($"id-{host}", host, 6, "Deployed", "on", null, [.. nics.Select((n, i) => new MaasInterface(i, n.Name, "physical", n.Mac, [], []))]);

    [Fact]
    public async Task Each_hosts_mac_is_the_one_on_the_physical_nic_under_the_public_plane_in_lower_case()
    {
        var maas = new RecordedMaas("caracal-testcloud", [new MaasSpace(-1, "undefined", []), new MaasSpace(0, "provider-public", []), new MaasSpace(3, "storage", [])],
        [
            Machine("openstack0", ("enp7s0", "52:54:00:AA:00:07"), ("enp1s0", "52:54:00:AA:00:01")),
            Machine("openstack1", ("enp7s0", "52:54:00:bb:00:07")),
            Machine("openstack2", ("enp1s0", null)),
        ]);

        var facts = await LiveBundleFacts.FromMaasAsync(Caracal, maas, CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { ["openstack0"] = "52:54:00:aa:00:01" }, facts.HostProviderMacs);
        Assert.Equal(["provider-public", "storage"], facts.Spaces.Order(StringComparer.Ordinal));
        Assert.Equal(["spaces", "machines?openstack0,openstack1,openstack2,openstack3"], maas.Calls);
    }

    [Fact]
    public void From_the_site_a_host_without_a_provider_mac_is_left_out()
    {
        var site = SiteLoader.Parse(SiteFiles.CaracalWith(", provider_mac: \"52:54:00:0c:04:0c\"", ""), "site.yaml");

        var facts = LiveBundleFacts.FromSite(site);

        Assert.Equal(["openstack0", "openstack1", "openstack3"], facts.HostProviderMacs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(site.Planes.Select(p => p.Name).Order(StringComparer.Ordinal), facts.Spaces.Order(StringComparer.Ordinal));
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
