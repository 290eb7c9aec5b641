using Slate.Runbook.BundleCheck;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>Edits of the project bundle (or the site's rules) at the edges of each rule: what still passes, and the exact refusal.</summary>
public sealed class BundleRuleEdgeTests : IDisposable
{
    private const string KeystoneVip = "vip: 10.12.4.50 10.12.8.50 10.12.12.50";
    private const string KeystoneBindings = """bindings: {"": metal-internal, public: provider-public, admin: metal-admin, internal: metal-internal}""";
    private const string Macs = "br-ex:52:54:00:0c:04:0a br-ex:52:54:00:0c:04:0b br-ex:52:54:00:0c:04:0c br-ex:52:54:00:0c:04:0d";

    private readonly BundleWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private BundleCheckReport CheckEdited(params (string Old, string New)[] edits) => workspace.Check(workspace.BundleWith(edits));

    private BundleCheckReport CheckWithRules(Func<BundleRules, BundleRules> edit, string bundlePath)
    {
        var site = workspace.Site with { Bundle = edit(workspace.Site.Bundle) };
        return BundleChecker.Check(new BundleCheckRequest(site, bundlePath, [], workspace.SiteMacs, null));
    }

    private static BundleRuleResult SingleFailure(BundleCheckReport report) => Assert.Single(report.Results, r => !r.Passed);

    [Fact]
    public void A_vip_with_extra_spaces_between_addresses_is_still_a_triple()
    {
        var report = CheckEdited((KeystoneVip, "vip: 10.12.4.50   10.12.8.50 10.12.12.50 "));

        Assert.True(report.AllPassed, string.Join("\n", report.Results.Where(r => !r.Passed)));
    }

    [Fact]
    public void An_ipv6_vip_address_is_named_as_not_ipv4()
    {
        var failure = SingleFailure(CheckEdited((KeystoneVip, "vip: 10.12.4.50 10.12.8.50 fd00::50")));

        Assert.Equal((BundleRuleIds.Vip, "keystone"), (failure.RuleId, failure.Subject));
        Assert.Equal("vip '10.12.4.50 10.12.8.50 fd00::50': 'fd00::50' is not an IPv4 address", failure.Message);
    }

    [Fact]
    public void A_vip_host_part_counts_every_address_of_the_plane_not_only_the_last_octet()
    {
        // 10.12.5.10 is host part 266 of 10.12.4.0/22: no host's address (openstack0 is 10).
        var report = CheckEdited((KeystoneVip, "vip: 10.12.5.10 10.12.9.10 10.12.13.10"));

        Assert.True(report.AllPassed, string.Join("\n", report.Results.Where(r => !r.Passed)));
    }

    [Fact]
    public void A_vip_on_the_network_address_is_refused()
    {
        var failure = SingleFailure(CheckEdited((KeystoneVip, "vip: 10.12.4.0 10.12.8.0 10.12.12.0")));

        Assert.Contains("host part 0 is a network or broadcast address", failure.Message);
    }

    [Fact]
    public void A_hacluster_relation_written_the_other_way_round_still_backs_the_vip()
    {
        var report = CheckEdited(("  - [keystone:ha, keystone-hacluster:ha]\n", "  - [keystone-hacluster:ha, keystone:ha]\n"));

        Assert.True(report.AllPassed, string.Join("\n", report.Results.Where(r => !r.Passed)));
        Assert.Contains(report.Results, r => r is { RuleId: BundleRuleIds.Vip, Subject: "keystone", Passed: true });
    }

    [Theory]
    [InlineData(":52:54:00:0c:04:99")]
    [InlineData("br-ex")]
    public void A_chassis_mapping_without_a_bridge_is_refused(string pair)
    {
        var failure = SingleFailure(CheckEdited((Macs, $"{Macs} {pair}")));

        Assert.Equal((BundleRuleIds.ChassisMacs, "ovn-chassis"), (failure.RuleId, failure.Subject));
        Assert.Equal($"bridge-interface-mappings: '{pair}' is not <bridge>:<interface or MAC>", failure.Message);
    }

    [Fact]
    public void A_chassis_application_missing_from_the_bundle_is_refused()
    {
        var report = CheckWithRules(r => r with { Chassis = r.Chassis with { Application = "ovn-chassis-sriov" } }, workspace.BundleWith());

        var failure = SingleFailure(report);
        Assert.Equal(("ovn-chassis-sriov", "the site's chassis application is not in the bundle"), (failure.Subject, failure.Message));
    }

    [Fact]
    public void An_api_charm_missing_from_the_bundle_is_refused()
    {
        var report = CheckWithRules(r => r with { ApiCharms = [.. r.ApiCharms, "designate"] }, workspace.BundleWith());

        var failures = report.Results.Where(r => !r.Passed).ToList();
        Assert.Contains(failures, f => f is { RuleId: BundleRuleIds.PublicBinding, Subject: "designate", Message: "is an API charm of the site but not in the bundle" });
        Assert.All(failures, f => Assert.Equal("designate", f.Subject));
    }

    [Fact]
    public void An_api_charm_with_no_public_and_no_default_binding_is_named_unbound()
    {
        var failure = SingleFailure(CheckEdited((KeystoneBindings, "bindings: {admin: metal-admin, internal: metal-internal}")));

        Assert.Equal((BundleRuleIds.PublicBinding, "keystone"), (failure.RuleId, failure.Subject));
        Assert.Equal("public is not bound (no 'public' and no default \"\" binding); expected provider-public", failure.Message);
    }

    [Fact]
    public void A_default_binding_to_an_unknown_space_names_the_default_and_the_known_spaces_in_order()
    {
        var failure = SingleFailure(CheckEdited((KeystoneBindings, KeystoneBindings.Replace("\"\": metal-internal", "\"\": metal-internl", StringComparison.Ordinal))));

        Assert.Equal((BundleRuleIds.Bindings, "keystone"), (failure.RuleId, failure.Subject));
        Assert.Equal(
            "binds its default (\"\") to 'metal-internl', which is no space (known: data-tenant, metal-admin, metal-internal, provider-public, replication, storage)",
            failure.Message);
    }

    [Fact]
    public void A_relation_of_an_application_to_itself_is_refused()
    {
        var last = "  - [barbican-vault:secrets-storage, vault:secrets]\n";
        var failure = SingleFailure(CheckEdited((last, last + "  - [glance:ha, glance:ha-peer]\n")));

        Assert.Equal(("glance:ha <-> glance:ha-peer", "relates an application to itself"), (failure.Subject, failure.Message));
    }

    [Fact]
    public void A_relation_to_an_unknown_bare_application_names_it_without_an_endpoint()
    {
        var last = "  - [barbican-vault:secrets-storage, vault:secrets]\n";
        var failure = SingleFailure(CheckEdited((last, last + "  - [heat, rabbitmq]\n")));

        Assert.Equal(("heat <-> rabbitmq", "'rabbitmq' is no application or saas of the bundle"), (failure.Subject, failure.Message));
    }

    [Fact]
    public void A_fixed_unit_count_is_matched_by_charm_name_whatever_the_application_is_called()
    {
        var bundle = workspace.Write("db.yaml", "applications:\n  db:\n    charm: ch:mysql-innodb-cluster\n    num_units: 2\n");

        var units = BundleChecker.Check(new BundleCheckRequest(workspace.Site, bundle, [], workspace.SiteMacs, null))
            .Results.Where(r => r.RuleId == BundleRuleIds.Units).ToList();

        Assert.Equal([("db", false, "num_units 2; expected 3")], units.Select(r => (r.Subject, r.Passed, r.Message)));
    }

    [Fact]
    public void A_fixed_unit_count_whose_application_is_absent_is_refused()
    {
        var bundle = workspace.Write("db.yaml", "applications:\n  keystone:\n    charm: keystone\n");

        var units = BundleChecker.Check(new BundleCheckRequest(workspace.Site, bundle, [], workspace.SiteMacs, null))
            .Results.Where(r => r.RuleId == BundleRuleIds.Units).ToList();

        Assert.Equal([("mysql-innodb-cluster", false, "no application or charm mysql-innodb-cluster in the bundle; expected 3 units")],
            units.Select(r => (r.Subject, r.Passed, r.Message)));
    }
}
