using Slate.Runbook.BundleCheck;
using Slate.Runbook.Sites;

namespace Slate.Corpus.Tests;

/// <summary>The bundle reader and rules against the real public bundles in ../shared/fixtures/bundles.</summary>
public sealed class BundleCorpusTests
{
    private const string OpenstackBase = "openstack-bundles__stable__openstack-base__bundle.yaml";
    private const string SpacesOverlay = "openstack-bundles__stable__overlays__openstack-base-spaces-overlay.yaml";
    private const string ConvergedSpacesOverlay =
        "openstack-bundles__development__openstack-converged-networking-focal-ussuri__openstack-converged-networking-spaces-overlay.yaml";
    private const string MasakariOverlay = "openstack-bundles__development__overlays__masakari-bionic-ussuri.yaml";
    private const string QuickMaasOptions = "quick-maas__overlay-options.yaml";
    private const string QuickMaasCaracal = "quick-maas__overlay-caracal.yaml";
    private const string Fcb = "juju-lint__tests__resources__fcb-yoga-jammy-bundle.yaml";
    private const string JujuLintOvn = "juju-lint__tests__resources__openstack-yoga-jammy-ovn-bundle.yaml";
    private static readonly string[] ServicesOnly =
        ["openstack-bundles__development__openstack-ha__masakari-mosci.yaml", "maas-one__os__bundles__bundle1.yaml"];

    private static string Fixture(string name)
    {
        return SharedCorpus.PathOf("fixtures", "bundles", name);
    }

    private static Bundle Load(string name, params string[] overlays) => BundleLoader.Load(Fixture(name), overlays.Select(Fixture).ToList());

    private static BundleCheckReport Check(string name, params string[] overlays)
    {
        var site = SiteLoader.Load(SharedCorpus.InRepository("sites", "caracal-testcloud.yaml"));
        var macs = site.Hosts.ToDictionary(h => h.Name, h => h.ProviderMac!);
        return BundleChecker.Check(new BundleCheckRequest(site, Fixture(name), overlays.Select(Fixture).ToList(), macs, null));
    }

    private static BundleRuleResult Result(BundleCheckReport report, string rule, string subject) =>
        Assert.Single(report.Results, r => r.RuleId == rule && r.Subject == subject);

    [Fact]
    public void Every_fixture_bundle_parses_and_the_services_only_ones_are_named_legacy()
    {
        var overlaysOnOpenstackBase = new[] { SpacesOverlay, ConvergedSpacesOverlay, QuickMaasOptions };
        var files = Directory.GetFiles(Path.GetDirectoryName(Fixture(OpenstackBase))!, "*.yaml").Select(Path.GetFileName).ToList();
        Assert.Equal(13, files.Count);
        foreach (var file in files.OfType<string>())
        {
            if (ServicesOnly.Contains(file))
            {
                var error = Assert.Throws<BundleFileException>(() => Load(file));
                Assert.Equal("services", error.Key);
                Assert.Contains("legacy key Juju 3 removed", error.Problem);
            }
            else if (file == QuickMaasCaracal)
            {
                // Its base bundle (quick-maas's own) is not in the corpus; on openstack-base it adds apps with no charm.
                var error = Assert.Throws<BundleFileException>(() => Load(OpenstackBase, file));
                Assert.Equal(("applications.barbican.charm", Fixture(file)), (error.Key, error.File));
            }
            else
            {
                var bundle = overlaysOnOpenstackBase.Contains(file) ? Load(OpenstackBase, file) : Load(file);
                Assert.NotEmpty(bundle.Applications);
            }
        }
    }

    [Fact]
    public void Openstack_base_relations_all_resolve_but_its_chassis_mapping_is_a_placeholder()
    {
        var bundle = Load(OpenstackBase);
        Assert.Equal(59, bundle.Relations.Count);
        Assert.Equal("to-be-set", bundle.Applications["ovn-chassis"].Option("bridge-interface-mappings"));
        Assert.Equal(["0", "1", "2"], bundle.Machines.Keys);
        Assert.All(bundle.Machines.Values, m => Assert.Null(m.Constraints));

        var report = Check(OpenstackBase);

        Assert.True(Result(report, BundleRuleIds.Relations, "bundle").Passed);
        Assert.True(Result(report, BundleRuleIds.Placement, "bundle").Passed);
        Assert.True(Result(report, BundleRuleIds.Units, "mysql-innodb-cluster").Passed);
        Assert.Contains("(has 'to-be-set')", Result(report, BundleRuleIds.ChassisMacs, "openstack0").Message);
        Assert.Contains("no relation to a hacluster application", Result(report, BundleRuleIds.Vip, "keystone").Message);
        Assert.Contains("is not bound", Result(report, BundleRuleIds.PublicBinding, "keystone").Message);
    }

    [Fact]
    public void The_spaces_overlay_gives_openstack_base_a_default_binding_outside_the_site_spaces()
    {
        var bundle = Load(OpenstackBase, SpacesOverlay);
        Assert.Equal(15, bundle.Applications.Values.Count(a => a.DefaultSpace == "public-space"));
        Assert.Equal("cloud:focal-yoga", bundle.Applications["keystone"].Option("openstack-origin"));

        var report = Check(OpenstackBase, SpacesOverlay);

        var bindingFailures = report.Results.Where(r => r.RuleId == BundleRuleIds.Bindings && !r.Passed).ToList();
        Assert.Equal(15, bindingFailures.Count);
        Assert.All(bindingFailures, f => Assert.Contains("'public-space', which is no space", f.Message));
        Assert.Equal("public -> public-space (through its default (\"\") binding); expected provider-public",
            Result(report, BundleRuleIds.PublicBinding, "keystone").Message);
    }

    [Fact]
    public void Fcb_reads_the_explicit_empty_key_default_binding_and_resolves_relations_to_saas()
    {
        var bundle = Load(Fcb);
        Assert.Equal(84, bundle.Applications.Count);
        Assert.Equal("oam-space", bundle.Applications["aodh"].DefaultSpace);
        Assert.Equal("public-space", bundle.Applications["aodh"].Bindings["public"]);
        Assert.Equal("foundations-maas:admin/lma-maas.grafana", bundle.Saas["grafana"]);
        Assert.Contains(bundle.Relations, r => bundle.Saas.ContainsKey(r.A.Application) || bundle.Saas.ContainsKey(r.B.Application));
        Assert.Equal(17, bundle.ByCharm("hacluster").Count());
        Assert.Equal("br-data:FCE_TEMPLATE", bundle.Applications["ovn-chassis"].Option("bridge-interface-mappings"));

        var report = Check(Fcb);

        Assert.True(Result(report, BundleRuleIds.Relations, "bundle").Passed);
        Assert.Contains("binds its default (\"\") to 'oam-space'", report.Results.First(r => r.RuleId == BundleRuleIds.Bindings && r.Subject == "aodh").Message);
    }

    [Fact]
    public void Juju_lint_export_has_a_single_keystone_vip_and_a_placeholder_policyd_revision()
    {
        var keystone = Load(JujuLintOvn).Applications["keystone"];
        Assert.Equal("10.5.100.0", keystone.Option("vip"));
        Assert.Equal("false", keystone.Option("use-policyd-override"));
        Assert.Equal(("0", true), (keystone.Resources["policyd-override"].Value, keystone.Resources["policyd-override"].IsRevision));

        var report = Check(JujuLintOvn);

        Assert.Contains("vip '10.5.100.0' has 1 address(es); expected 3", Result(report, BundleRuleIds.Vip, "keystone").Message);
        Assert.Contains("use-policyd-override is 'false'", Result(report, BundleRuleIds.Policyd, "keystone").Message);
        // mysql-innodb-cluster is deployed as "mysql": the units rule finds it by charm name.
        Assert.Equal("num_units 3", Result(report, BundleRuleIds.Units, "mysql").Message);
    }

    [Fact]
    public void The_masakari_overlay_relates_masakari_to_hacluster_without_a_vip()
    {
        var report = Check(MasakariOverlay);

        Assert.Equal("is hacluster-backed but sets no vip", Result(report, BundleRuleIds.Vip, "masakari").Message);
        Assert.Contains(report.Results, r => r is { RuleId: BundleRuleIds.Relations, Passed: false } && r.Message.Contains("'nova-compute' is no application"));
    }

    [Fact]
    public void Quick_maas_options_overlay_maps_br_ex_to_an_interface_name_not_the_host_macs()
    {
        var bundle = Load(OpenstackBase, QuickMaasOptions);
        Assert.Equal("br-ex:enp2s0", bundle.Applications["ovn-chassis"].Option("bridge-interface-mappings"));
        Assert.Equal("physnet1:br-ex", bundle.Applications["ovn-chassis"].Option("ovn-bridge-mappings"));

        var report = Check(OpenstackBase, QuickMaasOptions);

        var chassis = report.Results.Where(r => r.RuleId == BundleRuleIds.ChassisMacs).ToList();
        Assert.All(chassis, r => Assert.False(r.Passed));
        Assert.Contains(chassis, r => r.Message.Contains("maps br-ex:enp2s0, which is no site host's provider-public MAC"));
        Assert.Equal(5, chassis.Count);
    }

    [Fact]
    public void Keystone_caracal_test_bundle_reads_a_local_charm_path_and_the_comment_key()
    {
        var bundle = Load("charm-keystone__tests__bundles__noble-caracal.yaml");

        Assert.Equal("keystone", bundle.Applications["keystone"].CharmName);
        Assert.Equal("noble", bundle.Series);
        Assert.Equal("mem=3072M", bundle.Machines["0"].Constraints);
        Assert.Equal(3, bundle.ByCharm("mysql-innodb-cluster").Single().NumUnits);
    }
}
