using Slate.Runbook.Sites;

namespace Slate.Runbook.Tests.Sites;

/// <summary>The edges of what a site file may say: the last value accepted and the first refused, and every unknown key.</summary>
public sealed class SiteBoundaryTests
{
    private static Site Load(string text) => SiteLoader.Parse(text, "/x/site.yaml");

    private static void AssertRefused(string text, string field, string problem, int line)
    {
        var error = Assert.Throws<SiteFileException>(() => Load(text));

        Assert.Equal((field, line), (error.Field, error.Line));
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void A_host_listed_as_an_orphan_is_refused_so_the_teardown_never_deletes_it()
    {
        var text = SiteFiles.CaracalWith("orphans: [capi-mgmt]", "orphans: [capi-mgmt, openstack2]");

        AssertRefused(text, "orphans", "'openstack2' is a host", SiteFiles.CaracalLineOf("orphans: [capi-mgmt]"));
    }

    [Fact]
    public void A_protected_machine_listed_as_an_orphan_is_refused()
    {
        var text = SiteFiles.CaracalWith("protected: [juju, lxd, tailscale]", "protected: [juju, lxd, capi-mgmt]");

        AssertRefused(text, "protected", "'capi-mgmt' is protected and also a host or an orphan", SiteFiles.CaracalLineOf("protected: [juju"));
    }

    [Fact]
    public void An_osd_file_without_host_is_refused_so_hosts_never_share_one_disk()
    {
        var text = SiteFiles.CaracalWith("file: \"{images}/{host}-1.qcow2\"", "file: \"{images}/osd-1.qcow2\"");

        AssertRefused(text, "osd.file", "must contain {host}", SiteFiles.CaracalLineOf("file: \"{images}"));
    }

    [Fact]
    public void A_narrower_plane_inside_an_earlier_one_overlaps()
    {
        var text = SiteFiles.CaracalWith("cidr: 10.12.8.0/22", "cidr: 10.12.5.0/24");

        AssertRefused(text, "planes[1].cidr", "10.12.5.0/24 overlaps plane provider-public (10.12.4.0/22)", SiteFiles.CaracalLineOf("cidr: 10.12.8.0/22"));
    }

    [Fact]
    public void A_wider_plane_around_an_earlier_one_overlaps()
    {
        var text = SiteFiles.CaracalWith("cidr: 10.12.4.0/22", "cidr: 10.12.9.0/24");

        AssertRefused(text, "planes[1].cidr", "10.12.8.0/22 overlaps plane provider-public (10.12.9.0/24)", SiteFiles.CaracalLineOf("cidr: 10.12.8.0/22"));
    }

    [Fact]
    public void Adjacent_planes_do_not_overlap()
    {
        var site = Load(SiteFiles.CaracalWith("cidr: 10.12.4.0/22", "cidr: 10.12.7.0/24"));

        Assert.Equal("10.12.7.0/24", site.Plane("provider-public").Cidr.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4094)]
    public void A_plane_and_vlan_interface_on_vid_1_or_4094_are_accepted(int vid)
    {
        var text = SiteFiles.CaracalWith("cidr: 10.12.12.0/22, vid: 103", $"cidr: 10.12.12.0/22, vid: {vid}")
            .Replace("parent: br-metal, vid: 103", $"parent: br-metal, vid: {vid}", StringComparison.Ordinal);

        var site = Load(text);

        Assert.Equal(vid, site.Plane("metal-internal").Vid);
        Assert.Equal(vid, site.Interfaces.Single(i => i.Name == "br-metal.103").Vid);
    }

    [Theory]
    [InlineData("4095", "4095 is outside 0..4094")]
    [InlineData("-1", "-1 is outside 0..4094")]
    public void A_plane_vid_outside_the_802_1q_range_is_refused(string vid, string problem)
    {
        var text = SiteFiles.CaracalWith("cidr: 10.12.12.0/22, vid: 103", $"cidr: 10.12.12.0/22, vid: {vid}");

        AssertRefused(text, "planes[2].vid", problem, SiteFiles.CaracalLineOf("cidr: 10.12.12.0/22, vid: 103"));
    }

    [Theory]
    [InlineData("0", "0 is outside 1..4094")]
    [InlineData("4095", "4095 is outside 1..4094")]
    public void A_vlan_interface_needs_a_tag_from_1_to_4094(string vid, string problem)
    {
        var text = SiteFiles.CaracalWith("parent: br-metal, vid: 103", $"parent: br-metal, vid: {vid}");

        AssertRefused(text, "interfaces[4].vid", problem, SiteFiles.CaracalLineOf("parent: br-metal, vid: 103"));
    }

    [Theory]
    [InlineData(1, "10.12.4.1")]
    [InlineData(1022, "10.12.7.254")]
    public void The_first_and_last_host_address_of_a_22_are_host_numbers(int n, string providerAddress)
    {
        var site = Load(SiteFiles.CaracalWith("{ name: openstack3, n: 13,", $"{{ name: openstack3, n: {n},"));

        Assert.Equal(providerAddress, Site.AddressOf(site.Host("openstack3"), site.Plane("provider-public")).ToString());
    }

    [Fact]
    public void Host_number_0_is_the_network_address_and_refused()
    {
        var text = SiteFiles.CaracalWith("{ name: openstack3, n: 13,", "{ name: openstack3, n: 0,");

        AssertRefused(text, "hosts[3].n", "0 is not a host address inside plane provider-public", SiteFiles.CaracalLineOf("{ name: openstack3"));
    }

    [Fact]
    public void A_host_number_must_fit_the_narrowest_plane()
    {
        var text = SiteFiles.CaracalWith("cidr: 10.12.36.0/22", "cidr: 10.12.36.0/28");

        var error = Assert.Throws<SiteFileException>(() => Load(text.Replace("n: 13,", "n: 15,", StringComparison.Ordinal)));
        Assert.Equal("hosts[3].n", error.Field);
        Assert.Contains("15 is not a host address inside plane replication (10.12.36.0/28)", error.Problem);
        Assert.Equal(13, Load(text).Host("openstack3").Number);
    }

    [Theory]
    [InlineData("cloud:\n  name:", "colour: blue\ncloud:\n  name:", "colour")]
    [InlineData("  maas_name: caracal-testcloud", "  maas_nam: caracal-testcloud", "cloud.maas_nam")]
    [InlineData("    controller: caracal-maas", "    controler: caracal-maas", "cloud.juju.controler")]
    [InlineData("cidr: 10.12.4.0/22,  vid: 0", "cidr: 10.12.4.0/22,  vlan: 0", "planes[0].vlan")]
    [InlineData("{ name: openstack0, n: 10, provider_mac:", "{ name: openstack0, n: 10, mac:", "hosts[0].mac")]
    [InlineData("{ name: enp1s0,       type: physical }", "{ name: enp1s0,       type: physical, mtu: 9000 }", "interfaces[0].mtu")]
    [InlineData("  images: /var/lib/libvirt/images", "  image: /var/lib/libvirt/images", "libvirt.image")]
    [InlineData("{ name: 8_lbaas, bridge: virbr6 }", "{ name: 8_lbaas, bridge: virbr6, vid: 6 }", "libvirt.stale_networks[0].vid")]
    [InlineData("  format: qcow2", "  fmt: qcow2", "osd.fmt")]
    [InlineData("  public_endpoint: public", "  public_endpoints: public", "bundle.public_endpoints")]
    [InlineData("chassis: { application: ovn-chassis,", "chassis: { app: ovn-chassis,", "bundle.chassis.app")]
    public void An_unknown_key_anywhere_is_refused_not_ignored(string find, string replace, string field)
    {
        AssertRefused(SiteFiles.CaracalWith(find, replace), field, "unknown key", SiteFiles.CaracalLineOf(find));
    }

    [Theory]
    [InlineData("{ name: enp7s0,       type: physical }", "{ name: enp7s0,       type: physical, parent: enp1s0 }", "interfaces[2].parent", "a physical interface has no parent")]
    [InlineData("type: bridge, bridge_type: standard, parent: enp7s0,", "type: bridge, bridge_type: standard,", "interfaces[3].parent", "a bridge interface needs a parent")]
    [InlineData("{ name: enp8s0,       type: physical, plane: data-tenant }", "{ name: enp8s0,       type: vlan, parent: br-metal, vid: 103 }", "interfaces[6].parent", "'br-metal' already has a child interface")]
    [InlineData("{ name: enp10s0,", "{ name: enp9s0,", "interfaces[8].name", "'enp9s0' is already an interface")]
    [InlineData("{ name: enp1s0,       type: physical }", "{ name: enp1s0,       type: physical, bridge_type: ovs }", "interfaces[0].bridge_type", "only a bridge has a bridge_type")]
    [InlineData("{ name: enp1s0,       type: physical }", "{ name: enp1s0,       type: physical, vid: 103 }", "interfaces[0].vid", "only a vlan interface has a vid")]
    [InlineData("{ name: enp1s0,       type: physical }", "{ name: enp1s0,       type: bond }", "interfaces[0].type", "'bond' is not physical, bridge or vlan")]
    [InlineData("cidr: 10.12.4.0/22", "cidr: fd00::/64", "planes[0].cidr", "'fd00::/64' is not an IPv4 network")]
    [InlineData("  name: caracal-testcloud", "  name: -caracal", "cloud.name", "'-caracal' is not a valid name")]
    [InlineData("  format: qcow2", "  format: vmdk", "osd.format", "'vmdk' is not qcow2 or raw")]
    [InlineData("  size: 512G", "  size: 8388608T", "osd.size", "'8388608T' is not a size")]
    [InlineData("  images: /var/lib/libvirt/images", "  images: var/lib/libvirt/images", "libvirt.images", "is not an absolute path")]
    public void A_bad_template_or_setting_is_refused(string find, string replace, string field, string problem)
    {
        AssertRefused(SiteFiles.CaracalWith(find, replace), field, problem, SiteFiles.CaracalLineOf(find));
    }

    [Fact]
    public void The_largest_osd_size_that_fits_in_bytes_is_accepted()
    {
        var site = Load(SiteFiles.CaracalWith("  size: 512G", "  size: 8388607T"));

        Assert.Equal(long.MaxValue - ((1L << 40) - 1), site.Osd.SizeBytes);
    }

    [Fact]
    public void One_unit_is_a_valid_fixed_unit_count()
    {
        var site = Load(SiteFiles.CaracalWith("units: { mysql-innodb-cluster: 3 }", "units: { mysql-innodb-cluster: 1 }"));

        Assert.Equal(1, site.Bundle.Units["mysql-innodb-cluster"]);
    }

    [Fact]
    public void Orphans_policyd_and_forbidden_overlays_may_be_left_out()
    {
        var text = SiteFiles.CaracalWith("orphans: [capi-mgmt]\n", "")
            .Replace("  policyd: [keystone]\n", "", StringComparison.Ordinal)
            .Replace("  forbidden_overlays: [vr0-dc0-testcloud]\n", "", StringComparison.Ordinal);

        var site = Load(text);

        Assert.Equal((0, 0, 0), (site.Orphans.Count, site.Bundle.Policyd.Count, site.Bundle.ForbiddenOverlays.Count));
    }

    [Theory]
    [InlineData("\nplanes:", "\nhosts:", "planes", "at least one plane is required")]
    [InlineData("\nhosts:", "\ninterfaces:", "hosts", "at least one host is required")]
    public void An_empty_plane_or_host_list_is_refused(string section, string next, string field, string problem)
    {
        var text = SiteFiles.CaracalText;
        var start = text.IndexOf(section, StringComparison.Ordinal);
        var emptied = text[..start] + section + " []" + text[text.IndexOf(next, StringComparison.Ordinal)..];

        var error = Assert.Throws<SiteFileException>(() => Load(emptied));

        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void An_empty_file_is_refused_as_empty()
    {
        var error = Assert.Throws<SiteFileException>(() => Load("# nothing yet\n"));

        Assert.Equal(("site", 1L, "the file is empty"), (error.Field, error.Line, error.Problem));
    }

    [Fact]
    public void A_quoted_null_is_a_name_not_an_absent_value()
    {
        var site = Load(SiteFiles.CaracalWith("    model: openstack", "    model: 'null'"));

        Assert.Equal("null", site.Cloud.JujuModel);
    }

    [Fact]
    public void An_unknown_plane_or_host_name_is_a_programming_error_not_a_silent_null()
    {
        var site = Load(SiteFiles.CaracalText);

        Assert.Throws<InvalidOperationException>(() => site.Plane("ceph"));
        Assert.Throws<InvalidOperationException>(() => site.Host("openstack9"));
    }
}
