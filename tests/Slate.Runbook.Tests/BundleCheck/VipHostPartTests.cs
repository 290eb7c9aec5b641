using System.Net;
using Slate.Runbook.BundleCheck;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>
/// A VIP's host part is the whole offset from its plane's network address, so on the site's /22 planes it spans the third
/// octet's low two bits, and the network/broadcast test follows the plane's prefix: the same address is a host on a /22
/// and a broadcast on a /24.
/// </summary>
public sealed class VipHostPartTests : IDisposable
{
    private const string KeystoneVip = "vip: 10.12.4.50 10.12.8.50 10.12.12.50";

    private readonly BundleWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private BundleRuleResult KeystoneVipResult(string vip, Func<Plane, Plane>? planes = null)
    {
        var site = workspace.Site with { Planes = workspace.Site.Planes.Select(planes ?? (p => p)).ToList() };
        var report = BundleChecker.Check(new BundleCheckRequest(site, workspace.BundleWith((KeystoneVip, $"vip: {vip}")), [], workspace.SiteMacs, null));
        return Assert.Single(report.Results, r => r is { RuleId: BundleRuleIds.Vip, Subject: "keystone" });
    }

    private static Plane As24(Plane plane) => plane with { Cidr = new IPNetwork(plane.Cidr.BaseAddress, 24) };

    [Theory]
    [InlineData("10.12.4.255 10.12.8.255 10.12.12.255")]
    [InlineData("10.12.5.0 10.12.9.0 10.12.13.0")]
    [InlineData("10.12.7.254 10.12.11.254 10.12.15.254")]
    [InlineData("10.12.12.50 10.12.4.50 10.12.8.50")]
    public void Host_parts_across_the_third_octet_of_a_22_are_host_addresses(string vip)
    {
        Assert.True(KeystoneVipResult(vip).Passed);
    }

    [Fact]
    public void The_last_address_of_a_22_is_its_broadcast()
    {
        var result = KeystoneVipResult("10.12.7.255 10.12.11.255 10.12.15.255");

        Assert.Equal("vip '10.12.7.255 10.12.11.255 10.12.15.255': host part 1023 is a network or broadcast address", result.Message);
    }

    [Fact]
    public void The_same_host_part_on_24_planes_is_a_broadcast_and_one_less_is_a_host()
    {
        Assert.Equal(
            "vip '10.12.4.255 10.12.8.255 10.12.12.255': host part 255 is a network or broadcast address",
            KeystoneVipResult("10.12.4.255 10.12.8.255 10.12.12.255", As24).Message);
        Assert.True(KeystoneVipResult("10.12.4.254 10.12.8.254 10.12.12.254", As24).Passed);
    }

    [Fact]
    public void A_host_part_that_is_the_broadcast_of_any_one_plane_is_refused()
    {
        var result = KeystoneVipResult("10.12.4.255 10.12.8.255 10.12.12.255", p => p.Name == "metal-internal" ? As24(p) : p);

        Assert.Equal("vip '10.12.4.255 10.12.8.255 10.12.12.255': host part 255 is a network or broadcast address", result.Message);
    }

    // Host 10 is openstack0: an offset that dropped the first or second octet would land on its address.
    [Theory]
    [InlineData(14, "10.0.0.0 10.4.0.0 10.8.0.0", "10.1.0.10 10.5.0.10 10.9.0.10")]
    [InlineData(6, "8.0.0.0 12.0.0.0 16.0.0.0", "9.0.0.10 13.0.0.10 17.0.0.10")]
    public void The_host_part_is_the_whole_offset_into_a_wide_plane(int prefix, string bases, string vip)
    {
        var network = bases.Split(' ')
            .Zip(["provider-public", "metal-admin", "metal-internal"], (b, name) => (name, new IPNetwork(IPAddress.Parse(b), prefix)))
            .ToDictionary(p => p.name, p => p.Item2);

        var result = KeystoneVipResult(vip, p => network.TryGetValue(p.Name, out var cidr) ? p with { Cidr = cidr } : p);

        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Host_parts_differing_only_in_the_third_octet_differ()
    {
        var result = KeystoneVipResult("10.12.4.50 10.12.9.50 10.12.12.50");

        Assert.Equal("vip '10.12.4.50 10.12.9.50 10.12.12.50': the host parts differ (50, 306, 50); the triple must share one", result.Message);
    }

    [Fact]
    public void Two_addresses_in_one_plane_are_refused_even_when_the_count_is_right()
    {
        var result = KeystoneVipResult("10.12.4.50 10.12.5.50 10.12.12.50");

        Assert.Equal(
            "vip '10.12.4.50 10.12.5.50 10.12.12.50' has 2 address(es) in provider-public (10.12.4.0/22); expected exactly one",
            result.Message);
    }
}
