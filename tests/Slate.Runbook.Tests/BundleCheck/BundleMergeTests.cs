using Slate.Runbook.BundleCheck;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>Overlay merges as Juju's applyOverlay does them (juju/charm overlay.go).</summary>
public sealed class BundleMergeTests : IDisposable
{
    private const string Base = """
        machines:
          "0":
          "1":
          "2":
        applications:
          keystone:
            charm: keystone
            num_units: 1
            to: ["0"]
            options: {debug: true, region: RegionOne}
          glance:
            charm: glance
            to: ["1"]
          heat:
            charm: heat
            to: ["2"]
        relations:
          - [glance:identity-service, keystone:identity-service]
          - [heat, keystone]
        """;

    private readonly BundleWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private Bundle Merge(string overlay) =>
        BundleLoader.Load(workspace.Write("bundle.yaml", Base), [workspace.Write("overlay.yaml", overlay)]);

    [Fact]
    public void Removing_an_application_also_removes_its_relations_but_not_the_overlays_own()
    {
        var bundle = Merge("""
            relations:
              - [glance:amqp, heat:amqp]
            applications:
              heat:
            """);

        Assert.DoesNotContain("heat", bundle.Applications.Keys);
        Assert.Equal(["glance:identity-service <-> keystone:identity-service", "glance:amqp <-> heat:amqp"],
            bundle.Relations.Select(r => r.ToString()));
    }

    [Fact]
    public void An_overlay_machines_section_replaces_the_bundles_machines()
    {
        var bundle = Merge("machines:\n  \"0\":\n  \"5\": {constraints: mem=8G}\n");

        Assert.Equal(["0", "5"], bundle.Machines.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Empty_top_level_sections_in_an_overlay_delete_nothing()
    {
        var bundle = Merge("applications:\nrelations:\nmachines:\n");

        Assert.Equal(3, bundle.Applications.Count);
        Assert.Equal(2, bundle.Relations.Count);
        Assert.Equal(3, bundle.Machines.Count);
    }

    [Fact]
    public void An_empty_map_clears_the_field_and_a_null_field_is_cleared()
    {
        var bundle = Merge("applications:\n  keystone:\n    options: {}\n    to:\n");

        var keystone = bundle.Applications["keystone"];
        Assert.Empty(keystone.Options);
        Assert.Empty(keystone.To);
        Assert.Equal(1, keystone.NumUnits);
    }
}
