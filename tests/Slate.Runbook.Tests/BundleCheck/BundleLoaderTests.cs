using Slate.Runbook.BundleCheck;

namespace Slate.Runbook.Tests.BundleCheck;

public sealed class BundleLoaderTests : IDisposable
{
    private readonly BundleWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private Bundle Load(string text, params string[] overlays) => BundleLoader.Load(workspace.Write("bundle.yaml", text), overlays);

    private BundleFileException LoadFails(string text, params string[] overlays) =>
        Assert.Throws<BundleFileException>(() => Load(text, overlays));

    [Fact]
    public void A_services_only_bundle_is_refused_as_the_removed_legacy_key()
    {
        var error = LoadFails("series: bionic\nservices:\n  keystone:\n    charm: cs:keystone\n");

        Assert.Equal(("services", 2L), (error.Key, error.Line));
        Assert.Contains("legacy key Juju 3 removed", error.Problem);
        Assert.Equal("bundle.yaml:2: services: is the legacy key Juju 3 removed; rename it to 'applications'", error.Message);
    }

    [Fact]
    public void A_typo_in_an_application_key_names_its_line()
    {
        var error = LoadFails("applications:\n  keystone:\n    charm: keystone\n    bindngs:\n      \"\": metal-admin\n");

        Assert.Equal(("applications.keystone.bindngs", 4L), (error.Key, error.Line));
        Assert.StartsWith("unknown key (expected one of: annotations, base, bindings,", error.Problem);
    }

    [Fact]
    public void A_typo_at_top_level_is_refused()
    {
        var error = LoadFails("applications:\n  keystone:\n    charm: keystone\nrelation:\n  - [keystone, glance]\n");

        Assert.Equal(("relation", 4L), (error.Key, error.Line));
    }

    [Fact]
    public void Malformed_yaml_is_a_file_error_not_a_crash()
    {
        var error = LoadFails("applications:\n  keystone:\n    charm: [keystone\n    num_units: 3\n");

        Assert.Equal("yaml", error.Key);
        Assert.True(error.Line >= 3, $"line {error.Line}");
    }

    [Fact]
    public void A_missing_file_is_a_file_error()
    {
        var error = Assert.Throws<BundleFileException>(() => BundleLoader.Load(Path.Combine(workspace.Dir, "nope.yaml"), []));

        Assert.Equal("file not found", error.Problem);
    }

    [Theory]
    [InlineData("applications:\n  keystone:\n    charm: keystone\n    num_units: three\n", "applications.keystone.num_units", 4, "'three' is not a whole number")]
    [InlineData("applications:\n  keystone:\n    num_units: 3\n", "applications.keystone.charm", 3, "is required")]
    [InlineData("applications:\n  keystone:\n    charm: keystone\nmachines:\n  node-a:\n", "machines.node-a", 5, "whole number")]
    [InlineData("applications:\n  keystone:\n    charm: keystone\nmachines:\n  \"01\":\n", "machines.01", 5, "without leading zeros")]
    [InlineData("applications:\n  keystone:\n    charm: keystone\nrelations:\n  - [keystone:a, glance:b, heat:c]\n", "relations[0]", 5, "pair of endpoints")]
    [InlineData("applications:\n  keystone:\n    charm: keystone\n    to: lxd:0\n", "applications.keystone.to", 4, "expected a list")]
    [InlineData("machines:\n  \"0\":\n", "applications", 1, "at least one application")]
    [InlineData("applications:\n  keystone:\n    charm: keystone\n    bindings:\n      \"\": metal-admin\n      public:\n", "applications.keystone.bindings.public", 6, "names no space")]
    [InlineData("applications:\n  keystone:\n    charm: keystone\n  keystone:\n    charm: glance\n", "yaml", 4, "Duplicate key")]
    public void Bad_values_name_key_and_line(string text, string key, long line, string problem)
    {
        var error = LoadFails(text);

        Assert.Equal((key, line), (error.Key, error.Line));
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void Anchors_aliases_null_machines_and_the_explicit_empty_key_binding_are_read()
    {
        var bundle = Load("""
            variables:
              origin: &origin distro
              spaces: &spaces
                ? ''
                : metal-admin
                public: provider-public
            machines:
              '0':
              '1': {constraints: mem=8G}
            applications:
              keystone:
                charm: ch:keystone
                channel: 2024.1/stable
                num_units: 2
                to: [lxd:0, '1']
                bindings: *spaces
                options: {openstack-origin: *origin, vip: null}
                resources: {policyd-override: 3}
            """);

        var keystone = bundle.Applications["keystone"];
        Assert.Equal("metal-admin", keystone.DefaultSpace);
        Assert.Equal("provider-public", keystone.Bindings["public"]);
        Assert.Equal("distro", keystone.Option("openstack-origin"));
        Assert.True(keystone.Options.ContainsKey("vip"));
        Assert.Null(keystone.Option("vip"));
        Assert.Equal(new BundleResource("3", true, Path.Combine(workspace.Dir, "bundle.yaml")), keystone.Resources["policyd-override"]);
        Assert.Equal("keystone", keystone.CharmName);
        Assert.Null(bundle.Machines["0"].Constraints);
        Assert.Equal("mem=8G", bundle.Machines["1"].Constraints);
    }

    [Fact]
    public void Overlays_merge_recursively_later_wins_null_deletes_and_relations_append()
    {
        const string Base = """
            applications:
              keystone:
                charm: keystone
                num_units: 1
                options: {debug: true, region: RegionOne, worker-multiplier: 0.25}
              glance:
                charm: glance
              heat:
                charm: heat
            relations:
              - [glance:identity-service, keystone:identity-service]
            ---
            applications:
              keystone:
                options: {region: RegionTwo}
            """;
        var overlay = workspace.Write("overlay.yaml", """
            applications:
              heat:
              keystone:
                num_units: 3
                options: {debug: null, region: RegionThree}
              placement:
                charm: placement
            relations:
              - [placement:identity-service, keystone:identity-service]
            """);

        var bundle = Load(Base, overlay);

        Assert.Equal(["glance", "keystone", "placement"], bundle.Applications.Keys.Order(StringComparer.Ordinal));
        var keystone = bundle.Applications["keystone"];
        Assert.Equal(3, keystone.NumUnits);
        Assert.Equal("keystone", keystone.Charm);
        Assert.Equal(new Dictionary<string, string?> { ["region"] = "RegionThree", ["worker-multiplier"] = "0.25" }, keystone.Options);
        Assert.Equal(["glance:identity-service <-> keystone:identity-service", "placement:identity-service <-> keystone:identity-service"],
            bundle.Relations.Select(r => r.ToString()));
    }

    [Fact]
    public void An_error_inside_an_overlay_names_the_overlay_file_and_line()
    {
        var overlay = workspace.Write("octavia-pki.yaml", "applications:\n  octavia:\n    option:\n      x: y\n");

        var error = LoadFails("applications:\n  octavia:\n    charm: octavia\n", overlay);

        Assert.Equal((overlay, "applications.octavia.option", 3L), (error.File, error.Key, error.Line));
    }

    [Fact]
    public void A_quoted_number_resource_is_a_file_path_as_in_juju_and_an_empty_one_is_refused()
    {
        var bundle = Load("applications:\n  keystone:\n    charm: keystone\n    resources: {policyd-override: '3', other: 4}\n");

        Assert.False(bundle.Applications["keystone"].Resources["policyd-override"].IsRevision);
        Assert.True(bundle.Applications["keystone"].Resources["other"].IsRevision);
        var error = LoadFails("applications:\n  keystone:\n    charm: keystone\n    resources: {policyd-override: ''}\n");
        Assert.Equal(("applications.keystone.resources.policyd-override", 4L), (error.Key, error.Line));
    }

    [Fact]
    public void A_yaml_merge_key_is_refused_by_name_not_as_a_bad_value()
    {
        var error = LoadFails("""
            variables:
              common: &common {openstack-origin: distro}
            applications:
              keystone:
                charm: keystone
                options:
                  <<: *common
                  debug: true
            """);

        Assert.Equal(("applications.keystone.options.<<", 7L), (error.Key, error.Line));
        Assert.Contains("merge key", error.Problem);
    }

    [Fact]
    public void Bare_application_relation_endpoints_are_kept_without_an_endpoint()
    {
        var bundle = Load("applications:\n  a:\n    charm: x\n  b:\n    charm: y\nrelations:\n  - - a\n    - b:db\n");

        var relation = Assert.Single(bundle.Relations);
        Assert.Equal((new BundleEndpoint("a", null), new BundleEndpoint("b", "db")), (relation.A, relation.B));
    }
}
