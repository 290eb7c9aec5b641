using Slate.Runbook.BundleCheck;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Carve;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>
/// `bundle check --live`: each VIP address against MAAS. Inside a dynamic range or held by any address row fails;
/// inside a reserved range passes and says so; the free addresses of an application pass in one line.
/// </summary>
public sealed class VipInMaasTests : IDisposable
{
    private const string KeystoneVip = "vip: 10.12.4.50 10.12.8.50 10.12.12.50";

    private readonly BundleWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static MaasIpRange Range(int id, bool dynamic, string range, string comment = "") =>
        new(id, dynamic, 2, AddressRange.Parse(range)!, comment);

    private IReadOnlyList<BundleRuleResult> Keystone(
        string vip = KeystoneVip, IReadOnlyList<MaasIpRange>? ranges = null, IReadOnlyList<MaasAddress>? metalAdminRows = null, MaasTopology? topology = null)
    {
        var network = new LiveNetwork((topology ?? new CarveMaas().Topology) with { Ranges = ranges ?? [] },
            new Dictionary<int, IReadOnlyList<MaasAddress>> { [2] = metalAdminRows ?? [] });
        var bundle = vip == KeystoneVip ? _workspace.BundleWith() : _workspace.BundleWith((KeystoneVip, vip));
        var report = BundleChecker.Check(new BundleCheckRequest(_workspace.Site, bundle, [], _workspace.SiteMacs, null, network));
        return report.Results.Where(r => r is { RuleId: BundleRuleIds.VipInMaas, Subject: "keystone" }).ToList();
    }

    [Fact]
    public void A_vip_inside_a_dynamic_range_fails_naming_the_vip_the_application_and_the_range()
    {
        var results = Keystone("vip: 10.12.7.20 10.12.11.20 10.12.15.20", [Range(1, dynamic: true, "10.12.11.0-10.12.11.254", "MAAS DHCP")]);

        var failed = Assert.Single(results, r => !r.Passed);
        Assert.Equal("keystone", failed.Subject);
        Assert.Equal("vip 10.12.11.20 is inside MAAS's dynamic range 10.12.11.0 to 10.12.11.254 (MAAS DHCP) on 10.12.8.0/22: " +
                     "MAAS may lease it to any DHCP client; move the VIP out of the range or shrink it", failed.Message);
        Assert.Equal("vip 10.12.7.20, 10.12.15.20: in no dynamic range of MAAS and held by no MAAS address", Assert.Single(results, r => r.Passed).Message);
    }

    [Theory]
    [InlineData("openstack0", MaasAddressKind.Sticky, MaasNodeKind.Machine, "br-metal", "openstack0 (machine, br-metal)")]
    [InlineData("juju-4f1c2a-0-lxd-3", MaasAddressKind.Sticky, MaasNodeKind.Device, "eth0", "juju-4f1c2a-0-lxd-3 (device, eth0)")]
    [InlineData(null, MaasAddressKind.Dhcp, MaasNodeKind.Machine, null, "a DHCP lease no node holds")]
    [InlineData(null, MaasAddressKind.Discovered, MaasNodeKind.Machine, null, "an address MAAS saw in use on the network (discovered, no node)")]
    [InlineData("caracal-testcloud", MaasAddressKind.Sticky, MaasNodeKind.RegionAndRackController, "eth0", "caracal-testcloud (region and rack controller, eth0)")]
    public void A_vip_held_by_an_address_row_fails_naming_the_holder(string? hostname, MaasAddressKind kind, MaasNodeKind holderKind, string? via, string holder)
    {
        var row = new MaasAddress("10.12.8.50", hostname is null ? null : "sys-1", hostname, via, kind, holderKind);

        var results = Keystone(metalAdminRows: [row, new MaasAddress("10.12.8.51", "sys-2", "openstack1", "br-metal")]);

        Assert.Equal($"vip 10.12.8.50 is held in MAAS by {holder}: the VIP would clash with that node's address", Assert.Single(results, r => !r.Passed).Message);
        Assert.Equal("vip 10.12.4.50, 10.12.12.50: in no dynamic range of MAAS and held by no MAAS address", Assert.Single(results, r => r.Passed).Message);
    }

    [Fact]
    public void A_vip_inside_a_reserved_range_passes_and_says_so()
    {
        var results = Keystone(ranges: [Range(1, dynamic: false, "10.12.8.40-10.12.8.60", "VIPs")]);

        Assert.All(results, r => Assert.True(r.Passed));
        Assert.Equal(
        [
            "vip 10.12.8.50 is inside MAAS's reserved range 10.12.8.40 to 10.12.8.60 (VIPs) on 10.12.8.0/22, which keeps MAAS from handing it out",
            "vip 10.12.4.50, 10.12.12.50: in no dynamic range of MAAS and held by no MAAS address",
        ], results.Select(r => r.Message));
    }

    [Fact]
    public void A_held_vip_inside_a_reserved_range_fails_without_the_reserved_pass()
    {
        var results = Keystone(ranges: [Range(1, dynamic: false, "10.12.8.40-10.12.8.60")],
            metalAdminRows: [new MaasAddress("10.12.8.50", "sys-1", "capi-mgmt", "enp7s0")]);

        var failed = Assert.Single(results, r => !r.Passed);
        Assert.Contains("held in MAAS by capi-mgmt (machine, enp7s0)", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(results, r => r.Message.Contains("reserved", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vip_in_no_subnet_maas_has_fails()
    {
        var topology = new CarveMaas().Topology;
        var withoutInternal = topology with { Subnets = topology.Subnets.Where(s => s.Cidr != "10.12.12.0/22").ToList() };

        var results = Keystone(topology: withoutInternal);

        Assert.Equal("vip 10.12.12.50 is in no subnet MAAS has, so MAAS cannot vouch that it is free", Assert.Single(results, r => !r.Passed).Message);
    }

    [Fact]
    public void Free_vips_pass_in_one_line_per_application_and_offline_none_is_checked()
    {
        var live = Keystone();
        var offline = _workspace.Check(_workspace.BundleWith());

        Assert.Equal("vip 10.12.4.50, 10.12.8.50, 10.12.12.50: in no dynamic range of MAAS and held by no MAAS address", Assert.Single(live).Message);
        Assert.DoesNotContain(offline.Results, r => r.RuleId == BundleRuleIds.VipInMaas);
    }
}
