using Slate.Runbook.BundleCheck;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>What the bundle reader accepts at the edges of Juju 3's bundle format, and what it refuses with file, key and line.</summary>
public sealed class BundleReaderEdgeTests : IDisposable
{
    private const string Keystone = "applications:\n  keystone:\n    charm: keystone\n";

    private readonly BundleWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private Bundle Load(string text) => BundleLoader.Load(workspace.Write("edge.yaml", text), []);

    private BundleFileException LoadFails(string text) =>
        Assert.Throws<BundleFileException>(() => BundleLoader.Load(workspace.Write("edge.yaml", text), []));

    [Theory]
    [InlineData("applications: {}\n", "applications", 1, "a bundle needs at least one application")]
    [InlineData("applications:\n  keystone:\n", "applications.keystone", 2, "has no body (charm is required)")]
    [InlineData(Keystone + "    resources: {policyd-override: }\n", "applications.keystone.resources.policyd-override", 4, "names no revision or file")]
    [InlineData(Keystone + "machines:\n  \"0\": {constraints: mem=8G, zone: az1}\n", "machines.0.zone", 5, "unknown key")]
    [InlineData(Keystone + "saas:\n  db: {url: admin/db.mysql, endpoint: x}\n", "saas.db.endpoint", 5, "unknown key")]
    [InlineData(Keystone + "saas:\n  db: admin/db.mysql\n", "saas.db", 5, "expected a mapping with a url")]
    [InlineData(Keystone + "    expose: maybe\n", "applications.keystone.expose", 4, "'maybe' is not true or false")]
    [InlineData("# no bundle here\n", "bundle", 1, "the file holds no bundle")]
    public void Refused_with_key_and_line(string text, string key, long line, string problem)
    {
        var error = LoadFails(text);

        Assert.Equal((key, line), (error.Key, error.Line));
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void An_overlay_that_clears_the_charm_is_blamed_on_the_application_where_the_bundle_declares_it()
    {
        var bundle = workspace.Write("edge.yaml", Keystone + "    num_units: 1\n");
        var overlay = workspace.Write("clear.yaml", "applications:\n  keystone:\n    charm:\n");

        var error = Assert.Throws<BundleFileException>(() => BundleLoader.Load(bundle, [overlay]));

        Assert.Equal((bundle, "applications.keystone.charm", 3L, "is required"), (error.File, error.Key, error.Line, error.Problem));
    }

    [Fact]
    public void Scale_is_read_as_the_unit_count_when_num_units_is_absent()
    {
        Assert.Equal(2, Load(Keystone + "    scale: 2\n").Applications["keystone"].NumUnits);
        Assert.Equal(0, Load(Keystone).Applications["keystone"].NumUnits);
    }

    [Theory]
    [InlineData("'3'", false)]
    [InlineData("3", true)]
    [InlineData("3a", false)]
    [InlineData("./policy.zip", false)]
    public void Only_a_plain_whole_number_resource_is_a_charm_revision(string value, bool isRevision)
    {
        var resource = Load(Keystone + $"    resources: {{policyd-override: {value}}}\n").Applications["keystone"].Resources["policyd-override"];

        Assert.Equal(isRevision, resource.IsRevision);
    }

    [Theory]
    [InlineData("", false, false)]
    [InlineData("    expose: yes\n    trust: on\n", true, true)]
    [InlineData("    expose: true\n    trust: True\n", true, true)]
    [InlineData("    expose: no\n    trust: off\n", false, false)]
    [InlineData("    expose: false\n    trust: yes\n", false, true)]
    public void Expose_and_trust_read_yaml_booleans_and_default_to_false(string lines, bool expose, bool trust)
    {
        var app = Load(Keystone + lines).Applications["keystone"];

        Assert.Equal((expose, trust), (app.Expose, app.Trust));
    }

    [Fact]
    public void An_empty_document_before_the_bundle_is_skipped()
    {
        var bundle = Load("---\n---\n" + Keystone);

        Assert.Equal(["keystone"], bundle.Applications.Keys);
    }

    [Fact]
    public void A_machine_with_a_body_keeps_its_constraints_and_base()
    {
        var machine = Load(Keystone + "machines:\n  \"0\": {constraints: mem=8G, base: ubuntu@24.04}\n").Machines["0"];

        Assert.Equal(("mem=8G", "ubuntu@24.04"), (machine.Constraints, machine.Base));
    }

    [Fact]
    public void A_saas_offer_keeps_its_url_and_can_be_related()
    {
        var bundle = Load(Keystone + "saas:\n  db:\n    url: admin/db.mysql\nrelations:\n  - [keystone:shared-db, db]\n");

        Assert.Equal("admin/db.mysql", bundle.Saas["db"]);
        Assert.Equal("keystone:shared-db <-> db", Assert.Single(bundle.Relations).ToString());
    }

    [Theory]
    [InlineData("ch:keystone", "keystone")]
    [InlineData("cs:~openstack-charmers-next/hacluster-72", "hacluster")]
    [InlineData("./keystone_ubuntu@24.04-amd64.charm", "keystone")]
    [InlineData("ch:mysql-router-8", "mysql-router-8")]
    public void A_charm_is_known_by_its_bare_name_and_only_legacy_charm_store_urls_carry_a_revision(string charm, string name)
    {
        var app = Load($"applications:\n  x:\n    charm: \"{charm}\"\n").Applications["x"];

        Assert.Equal(name, app.CharmName);
    }
}
