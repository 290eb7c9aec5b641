using Slate.Runbook.BundleCheck;
using Slate.Runbook.Core;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>The gate's verdict and exit code, and the placement boundaries Juju itself enforces.</summary>
public sealed class BundleVerdictTests : IDisposable
{
    private readonly BundleWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void The_project_bundle_opens_the_gate_with_exit_0()
    {
        var report = workspace.Check(workspace.BundleWith());

        Assert.Equal(ExitCode.Ok, report.ExitCode);
        Assert.Equal(
            [BundleRuleIds.Overlays, BundleRuleIds.Relations, BundleRuleIds.Placement, BundleRuleIds.Bindings, BundleRuleIds.PublicBinding,
             BundleRuleIds.Vip, BundleRuleIds.ChassisMacs, BundleRuleIds.Units, BundleRuleIds.Policyd],
            report.Results.Select(r => r.RuleId).Distinct());
    }

    [Fact]
    public void One_failed_check_among_passes_closes_the_gate_with_exit_3()
    {
        var report = workspace.Check(workspace.BundleWith(("use-policyd-override: true", "use-policyd-override: false")));

        Assert.Contains(report.Results, r => r.Passed);
        Assert.Single(report.Results, r => !r.Passed);
        Assert.False(report.AllPassed);
        Assert.Equal(ExitCode.GateRed, report.ExitCode);
    }

    // juju/charm bundledata.go (bundleDataVerifier.verifyPlacement): a unit placement needs unit < the target's num_units,
    // and len(to) > num_units is "too many units specified in unit placement".
    [Theory]
    [InlineData("lxd:ceph-mon/2", true)]
    [InlineData("lxd:ceph-mon/3", false)]
    [InlineData("lxd:ceph-mon", true)]
    public void A_unit_placement_must_name_one_of_the_target_applications_units(string directive, bool passes)
    {
        var report = workspace.Check(workspace.BundleWith(("    to: [lxd:0]\n", $"    to: [{directive}]\n")));

        var placement = report.Results.Where(r => r.RuleId == BundleRuleIds.Placement).ToList();
        Assert.Equal(passes, placement.All(r => r.Passed));
        if (!passes)
            Assert.Equal("to: 'lxd:ceph-mon/3' names unit 3 but ceph-mon has 3 unit(s)", Assert.Single(placement).Message);
    }

    [Fact]
    public void More_placements_than_units_are_refused()
    {
        var report = workspace.Check(workspace.BundleWith(("    to: [lxd:0]\n", "    to: [lxd:0, lxd:1]\n")));

        var failure = Assert.Single(report.Results, r => !r.Passed);
        Assert.Equal((BundleRuleIds.Placement, "vault", "2 placements for 1 unit(s)"), (failure.RuleId, failure.Subject, failure.Message));
    }

    [Fact]
    public void An_application_placed_on_itself_is_refused()
    {
        var report = workspace.Check(workspace.BundleWith(("    to: [lxd:0]\n", "    to: [lxd:vault/0]\n")));

        Assert.Equal("to: 'lxd:vault/0' places the application on itself", Assert.Single(report.Results, r => !r.Passed).Message);
    }

    [Fact]
    public void A_placement_outside_jujus_grammar_is_refused()
    {
        var report = workspace.Check(workspace.BundleWith(("    to: [lxd:0]\n", "    to: [lxd:01]\n")));

        Assert.Contains("is not a placement", Assert.Single(report.Results, r => !r.Passed).Message);
    }
}
