using Slate.Runbook.BundleCheck;

namespace Slate.Runbook.Tests.BundleCheck;

public sealed class ProjectBundleTests : IDisposable
{
    private readonly BundleWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void The_project_bundle_passes_every_rule()
    {
        var report = workspace.Check(workspace.BundleWith());

        Assert.True(report.AllPassed, string.Join("\n", report.Results.Where(r => !r.Passed)));
        Assert.Equal(
            new[] { BundleRuleIds.Bindings, BundleRuleIds.ChassisMacs, BundleRuleIds.Overlays, BundleRuleIds.Placement, BundleRuleIds.Policyd,
                    BundleRuleIds.PublicBinding, BundleRuleIds.Relations, BundleRuleIds.Units, BundleRuleIds.Vip },
            report.Results.Select(r => r.RuleId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_site_rule_reports_one_line_per_subject()
    {
        var report = workspace.Check(workspace.BundleWith());

        string[] Subjects(string rule) => report.Results.Where(r => r.RuleId == rule).Select(r => r.Subject).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(workspace.Site.Bundle.ApiCharms.Order(StringComparer.Ordinal), Subjects(BundleRuleIds.PublicBinding));
        Assert.Equal(workspace.Site.Bundle.ApiCharms.Order(StringComparer.Ordinal), Subjects(BundleRuleIds.Vip));
        Assert.Equal(["openstack0", "openstack1", "openstack2", "openstack3"], Subjects(BundleRuleIds.ChassisMacs));
        Assert.Equal(["mysql-innodb-cluster"], Subjects(BundleRuleIds.Units));
        Assert.Equal(["keystone"], Subjects(BundleRuleIds.Policyd));
    }

    [Fact]
    public void The_project_bundle_reads_as_a_caracal_noble_cloud()
    {
        var bundle = BundleLoader.Load(workspace.BundleWith(), []);

        Assert.Equal("ubuntu@24.04", bundle.DefaultBase);
        Assert.Equal(["0", "1", "2", "3"], bundle.Machines.Keys.Order(StringComparer.Ordinal));
        Assert.All(workspace.Site.Bundle.ApiCharms, name => Assert.Equal("2024.1/stable", bundle.Applications[name].Channel));
        Assert.Equal("/dev/vdb", bundle.Applications["ceph-osd"].Option("osd-devices"));
        Assert.Equal("provider-public", bundle.Applications["glance"].Bindings["public"]);
        Assert.Equal("10.12.4.50 10.12.8.50 10.12.12.50", bundle.Applications["keystone"].Option("vip"));
        Assert.Equal(11, bundle.ByCharm("hacluster").Count());
    }

    [Fact]
    public void Bindings_are_checked_against_the_live_spaces_when_given()
    {
        var live = new HashSet<string>(workspace.Site.Planes.Select(p => p.Name).Where(n => n != "replication"));

        var report = BundleChecker.Check(new BundleCheckRequest(workspace.Site, workspace.BundleWith(), [], workspace.SiteMacs, live));

        var failures = report.Results.Where(r => !r.Passed).ToList();
        Assert.Equal(["ceph-mon", "ceph-osd"], failures.Select(r => r.Subject).Order(StringComparer.Ordinal));
        Assert.All(failures, f => Assert.Equal(BundleRuleIds.Bindings, f.RuleId));
        Assert.All(failures, f => Assert.Contains("binds cluster to 'replication'", f.Message));
    }
}
