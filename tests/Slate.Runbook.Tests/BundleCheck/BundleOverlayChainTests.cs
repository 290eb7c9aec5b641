using Slate.Runbook.BundleCheck;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>Several overlays in a row (each merged on the last one's result, as juju deploy --overlay a --overlay b does), and empty values.</summary>
public sealed class BundleOverlayChainTests : IDisposable
{
    private const string Keystone = "applications:\n  keystone:\n    charm: keystone\n  glance:\n    charm: glance\n  heat:\n    charm: heat\n";

    private readonly BundleWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Relations_appended_by_two_overlays_in_turn_are_all_kept_in_order()
    {
        var bundle = workspace.Write("bundle.yaml", Keystone + "relations:\n  - [glance, keystone]\n");
        var first = workspace.Write("first.yaml", "relations:\n  - [heat, keystone]\n");
        var second = workspace.Write("second.yaml", "relations:\n  - [glance, heat]\n");

        var merged = BundleLoader.Load(bundle, [first, second]);

        Assert.Equal(["glance <-> keystone", "heat <-> keystone", "glance <-> heat"], merged.Relations.Select(r => r.ToString()));
    }

    [Fact]
    public void An_application_removed_by_a_later_overlay_takes_the_relations_an_earlier_one_appended()
    {
        var bundle = workspace.Write("bundle.yaml", Keystone + "relations:\n  - [glance, keystone]\n");
        var first = workspace.Write("first.yaml", "relations:\n  - [heat, keystone]\n  - [glance, heat]\n");
        var second = workspace.Write("second.yaml", "applications:\n  heat: null\n");

        var merged = BundleLoader.Load(bundle, [first, second]);

        Assert.Equal(["glance <-> keystone"], merged.Relations.Select(r => r.ToString()));
        Assert.DoesNotContain("heat", merged.Applications.Keys);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("~")]
    public void A_resource_given_as_null_names_no_revision_or_file(string empty)
    {
        var path = workspace.Write("bundle.yaml", Keystone + $"    resources:\n      policyd-override: {empty}\n");

        var error = Assert.Throws<BundleFileException>(() => BundleLoader.Load(path, []));

        Assert.Equal(("applications.heat.resources.policyd-override", 9L, "names no revision or file"), (error.Key, error.Line, error.Problem));
    }

    [Fact]
    public void An_empty_resources_section_is_no_resources()
    {
        var path = workspace.Write("bundle.yaml", Keystone + "    resources:\n");

        Assert.Empty(BundleLoader.Load(path, []).Applications["heat"].Resources);
    }
}
