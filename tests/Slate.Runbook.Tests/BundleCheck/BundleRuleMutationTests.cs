using Slate.Runbook.BundleCheck;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>One edit of the project bundle per rule: exactly that rule fails, with a message that says why.</summary>
public sealed class BundleRuleMutationTests : IDisposable
{
    private const string KeystoneBindings = """bindings: {"": metal-internal, public: provider-public, admin: metal-admin, internal: metal-internal}""";
    private const string Macs = "br-ex:52:54:00:0c:04:0a br-ex:52:54:00:0c:04:0b br-ex:52:54:00:0c:04:0c br-ex:52:54:00:0c:04:0d";
    private const string LastRelation = "  - [barbican-vault:secrets-storage, vault:secrets]\n";

    private readonly BundleWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    public static TheoryData<string, string, string, string, string> Mutations => new()
    {
        { BundleRuleIds.Relations, LastRelation, LastRelation + "  - [heat:amqp, rabbitmq:amqp]\n", "heat:amqp <-> rabbitmq:amqp", "'rabbitmq' is no application or saas" },
        { BundleRuleIds.Relations, LastRelation, LastRelation + "  - [glance:ha, glance-hacluster:ha]\n", "glance:ha <-> glance-hacluster:ha", "listed more than once" },
        { BundleRuleIds.Placement, "    to: [lxd:0]\n", "    to: [lxd:7]\n", "vault", "names machine 7, which the bundle does not declare" },
        { BundleRuleIds.Placement, "    to: [lxd:0]\n", "    to: [lxd:ceph-mon/5]\n", "vault", "names unit 5 but ceph-mon has 3 unit(s)" },
        { BundleRuleIds.Placement, "  \"3\":\n", "  \"3\":\n  \"4\":\n", "machine 4", "no to: places anything on it" },
        { BundleRuleIds.Bindings, "data: data-tenant", "data: tenant-data", "ovn-chassis", "binds data to 'tenant-data', which is no space" },
        { BundleRuleIds.PublicBinding, "public: provider-public, admin", "public: metal-admin, admin", "keystone", "public -> metal-admin (explicitly); expected provider-public" },
        { BundleRuleIds.PublicBinding, KeystoneBindings, """bindings: {"": metal-internal}""", "keystone", "public -> metal-internal (through its default (\"\") binding)" },
        { BundleRuleIds.Vip, "vip: 10.12.4.50 10.12.8.50 10.12.12.50", "vip: 10.12.4.50 10.12.8.50 10.12.12.51", "keystone", "the host parts differ (50, 50, 51)" },
        { BundleRuleIds.Vip, "vip: 10.12.4.50 10.12.8.50 10.12.12.50", "vip: 10.12.4.50 10.12.8.50", "keystone", "has 2 address(es); expected 3" },
        { BundleRuleIds.Vip, "vip: 10.12.4.50 10.12.8.50 10.12.12.50", "vip: 10.12.4.50 10.12.8.50 10.12.16.50", "keystone", "0 address(es) in metal-internal" },
        { BundleRuleIds.Vip, "vip: 10.12.4.50 10.12.8.50 10.12.12.50", "vip: 10.12.4.51 10.12.8.51 10.12.12.51", "keystone", "host part 51 is already the VIP of glance" },
        { BundleRuleIds.Vip, "vip: 10.12.4.50 10.12.8.50 10.12.12.50", "vip: 10.12.4.10 10.12.8.10 10.12.12.10", "keystone", "host part 10 is the address of host openstack0" },
        { BundleRuleIds.Vip, "  - [keystone:ha, keystone-hacluster:ha]\n", "", "keystone", "no relation to a hacluster application" },
        { BundleRuleIds.ChassisMacs, Macs, Macs.Replace("br-ex:52:54:00:0c:04:0a ", ""), "openstack0", "does not map br-ex:52:54:00:0c:04:0a" },
        { BundleRuleIds.ChassisMacs, Macs, Macs + " br-ex:52:54:00:0c:04:99", "ovn-chassis", "maps br-ex:52:54:00:0c:04:99, which is no site host's" },
        { BundleRuleIds.Units, "mysql-innodb-cluster\n    channel: 8.0/stable\n    num_units: 3", "mysql-innodb-cluster\n    channel: 8.0/stable\n    num_units: 4", "mysql-innodb-cluster", "num_units 4; expected 3" },
        { BundleRuleIds.Units, "num_units: 3\n    to: [lxd:0, lxd:1, lxd:2]\n    bindings: *internal-bindings\n  rabbitmq", "num_units: 3\n    to: [lxd:0, lxd:1, lxd:1]\n    bindings: *internal-bindings\n  rabbitmq", "mysql-innodb-cluster", "placed on the same machine twice" },
        { BundleRuleIds.Policyd, "use-policyd-override: true", "use-policyd-override: false", "keystone", "use-policyd-override is 'false'; expected true" },
        { BundleRuleIds.Policyd, "policyd-override: ./keystone-policyd-override.zip", "policyd-override: ./missing.zip", "keystone", "file './missing.zip' does not exist" },
        { BundleRuleIds.Policyd, "policyd-override: ./keystone-policyd-override.zip", "policyd-override: 0", "keystone", "is charm revision 0" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void One_edit_fails_exactly_its_rule(string rule, string old, string replacement, string subject, string message)
    {
        var report = workspace.Check(workspace.BundleWith((old, replacement)));

        Assert.Equal([rule], BundleWorkspace.FailedRules(report));
        var failure = Assert.Single(report.Results, r => !r.Passed);
        Assert.Equal(subject, failure.Subject);
        Assert.Contains(message, failure.Message);
    }

    [Fact]
    public void A_missing_host_mac_fails_that_host_only()
    {
        var macs = workspace.SiteMacs.Where(m => m.Key != "openstack2").ToDictionary();

        var report = BundleChecker.Check(new BundleCheckRequest(workspace.Site, workspace.BundleWith(), [], macs, null));

        var failure = Assert.Single(report.Results, r => !r.Passed);
        Assert.Equal((BundleRuleIds.ChassisMacs, "openstack2"), (failure.RuleId, failure.Subject));
        Assert.Contains("no provider-public MAC is known", failure.Message);
    }

    [Fact]
    public void A_policyd_file_set_by_an_overlay_is_found_beside_the_overlay_not_the_bundle()
    {
        var overlayDir = Directory.CreateDirectory(Path.Combine(workspace.Dir, "overlays")).FullName;
        File.Move(Path.Combine(workspace.Dir, "keystone-policyd-override.zip"), Path.Combine(overlayDir, "po.zip"));
        var overlay = workspace.Write(Path.Combine("overlays", "policyd.yaml"), "applications:\n  keystone:\n    resources:\n      policyd-override: ./po.zip\n");

        var report = workspace.Check(workspace.BundleWith(), overlay);

        Assert.True(report.AllPassed, string.Join("\n", report.Results.Where(r => !r.Passed)));
        Assert.Contains("policyd-override ./po.zip", Assert.Single(report.Results, r => r.RuleId == BundleRuleIds.Policyd).Message);
    }

    [Fact]
    public void A_forbidden_overlay_is_refused_and_not_merged()
    {
        // The overlay would delete keystone; refused, it must change nothing else.
        var forbidden = workspace.Write("vr0-dc0-testcloud.yaml", "applications:\n  keystone:\n");
        var allowed = workspace.Write("octavia-pki.yaml", "applications:\n  octavia:\n    options:\n      lb-mgmt-controller-cert: x\n");

        var report = workspace.Check(workspace.BundleWith(), allowed, forbidden);

        Assert.Equal([BundleRuleIds.Overlays], BundleWorkspace.FailedRules(report));
        var overlays = report.Results.Where(r => r.RuleId == BundleRuleIds.Overlays).ToList();
        Assert.Equal([("octavia-pki.yaml", true), ("vr0-dc0-testcloud.yaml", false)], overlays.Select(r => (r.Subject, r.Passed)));
        Assert.Contains("forbids the vr0-dc0-testcloud overlay", overlays[1].Message);
    }
}
