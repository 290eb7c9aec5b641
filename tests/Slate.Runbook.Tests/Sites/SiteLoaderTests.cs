using Slate.Runbook.Sites;

namespace Slate.Runbook.Tests.Sites;

public sealed class SiteLoaderTests
{
    [Fact]
    public void Loads_the_runbooks_cloud()
    {
        var site = SiteLoader.Load(SiteFiles.CaracalPath);

        Assert.Equal("caracal-testcloud", site.Cloud.MaasName);
        Assert.Equal(CloudEnvironment.Test, site.Cloud.Environment);
        Assert.Equal("openstack", site.Cloud.JujuModel);
        Assert.Equal(
            ["provider-public 10.12.4.0/22", "metal-admin 10.12.8.0/22", "metal-internal 10.12.12.0/22",
             "data-tenant 10.12.16.0/22", "storage 10.12.32.0/22", "replication 10.12.36.0/22"],
            site.Planes.Select(p => $"{p.Name} {p.Cidr}"));
        Assert.Equal(103, site.Plane("metal-internal").Vid);
        Assert.Equal(["openstack0", "openstack1", "openstack2", "openstack3"], site.Hosts.Select(h => h.Name));
        Assert.Equal(["juju", "lxd", "tailscale"], site.Protected);
        Assert.Equal(["capi-mgmt"], site.Orphans);
        Assert.Equal("8_lbaas", Assert.Single(site.Libvirt.StaleNetworks).Name);
        Assert.Equal(11, site.Bundle.ApiCharms.Count);
    }

    [Fact]
    public void The_boot_network_names_where_each_hosts_pxe_nic_is_attached_and_is_optional()
    {
        Assert.Equal("metal-admin", SiteLoader.Load(SiteFiles.CaracalPath).Libvirt.BootNetwork);

        var without = SiteFiles.CaracalWith("  boot_network: metal-admin", "  # no boot network");

        Assert.Null(SiteLoader.Parse(without, "site.yaml").Libvirt.BootNetwork);
    }

    [Fact]
    public void Host_addresses_are_the_plane_network_plus_the_host_number()
    {
        var site = SiteLoader.Load(SiteFiles.CaracalPath);
        var host = site.Host("openstack2");

        Assert.Equal("10.12.4.12", Site.AddressOf(host, site.Plane("provider-public")).ToString());
        Assert.Equal("10.12.12.12", Site.AddressOf(host, site.Plane("metal-internal")).ToString());
        Assert.Equal("10.12.36.12", Site.AddressOf(host, site.Plane("replication")).ToString());
    }

    [Fact]
    public void The_pattern_a_template_is_read_in_order_with_its_parents()
    {
        var site = SiteLoader.Load(SiteFiles.CaracalPath);
        var brEx = site.Interfaces.Single(i => i.Name == "br-ex");
        var vlan = site.Interfaces.Single(i => i.Name == "br-metal.103");

        Assert.Equal((InterfaceKind.Bridge, BridgeType.Ovs, "enp1s0", "provider-public"), (brEx.Kind, brEx.BridgeType, brEx.Parent, brEx.Plane));
        Assert.Equal((InterfaceKind.Vlan, 103, "br-metal"), (vlan.Kind, vlan.Vid, vlan.Parent));
        Assert.Equal("br-metal.103", site.Interfaces.Single(i => i.Name == "br-internal").Parent);
    }

    [Fact]
    public void The_osd_rule_names_each_hosts_secondary_disk()
    {
        var site = SiteLoader.Load(SiteFiles.CaracalPath);

        Assert.Equal("/var/lib/libvirt/images/openstack1-1.qcow2", site.Osd.FileFor(site.Host("openstack1"), site.Libvirt.ImagesDir));
        Assert.Equal(512L << 30, site.Osd.SizeBytes);
        Assert.Equal(0b110_000_000, site.Osd.Mode);
        Assert.Equal(["vda"], site.Osd.NeverTouch);
    }

    [Fact]
    public void A_plane_reads_its_dhcp_range_and_reserved_ranges_and_others_have_none()
    {
        var site = SiteLoader.Load(SiteFiles.CaracalPath);

        Assert.Equal(AddressRange.Parse("10.12.11.0-10.12.11.254"), site.Plane("metal-admin").Dhcp);
        Assert.Equal([AddressRange.Parse("10.12.8.1-10.12.8.9")!], site.Plane("metal-admin").ReservedRanges);
        Assert.Null(site.Plane("storage").Dhcp);
        Assert.Empty(site.Plane("storage").ReservedRanges);
    }

    [Fact]
    public void A_range_may_run_from_the_first_to_the_last_host_address_of_its_plane()
    {
        var site = SiteLoader.Parse(SiteFiles.CaracalWith("dhcp: 10.12.11.0-10.12.11.254", "dhcp: 10.12.8.1-10.12.11.254"), "site.yaml");

        Assert.Equal("10.12.8.1-10.12.11.254", site.Plane("metal-admin").Dhcp!.ToString());
    }

    [Theory]
    [InlineData("dhcp: 10.12.11.0-10.12.11.254", "dhcp: 10.12.11.9-10.12.11.2", "planes[1].dhcp", "not an address range first-last")]
    [InlineData("dhcp: 10.12.11.0-10.12.11.254", "dhcp: 10.12.11.00-10.12.11.254", "planes[1].dhcp", "not an address range first-last")]
    [InlineData("dhcp: 10.12.11.0-10.12.11.254", "dhcp: 10.12.11.0", "planes[1].dhcp", "not an address range first-last")]
    [InlineData("dhcp: 10.12.11.0-10.12.11.254", "dhcp: 10.12.11.0-10.12.11.255", "planes[1].dhcp", "not inside the plane's host addresses (10.12.8.0/22)")]
    [InlineData("reserved: [10.12.8.1-10.12.8.9]", "reserved: [10.12.8.0-10.12.8.9]", "planes[1].reserved[0]", "not inside the plane's host addresses")]
    [InlineData("reserved: [10.12.8.1-10.12.8.9]", "reserved: [10.12.8.1-10.12.8.9, 10.12.4.1-10.12.4.9]", "planes[1].reserved[1]", "not inside the plane's host addresses")]
    [InlineData("cidr: 10.12.8.0/22", "cidr: 10.12.8.5/22", "planes[1].cidr", "not an IPv4 network")]
    [InlineData("cidr: 10.12.8.0/22", "cidr: 10.12.4.0/23", "planes[1].cidr", "overlaps plane provider-public")]
    [InlineData("name: metal-admin,", "name: provider-public,", "planes[1].name", "already a plane")]
    [InlineData("{ name: openstack3, n: 13,", "{ name: openstack3, n: 1023,", "hosts[3].n", "not a host address inside plane provider-public")]
    [InlineData("{ name: openstack3, n: 13,", "{ name: openstack0, n: 13,", "hosts[3].name", "already a host")]
    [InlineData("{ name: openstack3, n: 13,", "{ name: openstack3, n: 12,", "hosts[3].n", "already the number of openstack2")]
    [InlineData("n: 13,", "n: thirteen,", "hosts[3].n", "not a whole number")]
    [InlineData("\"52:54:00:0c:04:0d\"", "\"52:54:00:0c:04\"", "hosts[3].provider_mac", "not a MAC address")]
    [InlineData("parent: br-metal.103,", "parent: br-metal.104,", "interfaces[5].parent", "not an interface listed before br-internal")]
    [InlineData("type: vlan, parent: br-metal, vid: 103", "type: vlan, parent: br-metal, vid: 104", "interfaces[4].vid", "no plane is on VLAN 104")]
    [InlineData("type: physical, plane: storage", "type: physical, plane: ceph", "interfaces[7].plane", "not a plane of this site")]
    [InlineData("type: physical, plane: storage", "type: physical, plane: data-tenant", "interfaces[7].plane", "already carried by enp8s0")]
    [InlineData("bridge_type: ovs", "bridge_type: linux", "interfaces[1].bridge_type", "not standard or ovs")]
    [InlineData("environment: test", "environment: staging", "cloud.environment", "not test or production")]
    [InlineData("protected: [juju, lxd, tailscale]", "protected: [juju, lxd, openstack1]", "protected", "also a host")]
    [InlineData("  device: vdb", "  device: vda", "osd.device", "listed under osd.never")]
    [InlineData("size: 512G", "size: big", "osd.size", "not a size")]
    [InlineData("mode: \"600\"", "mode: \"rw\"", "osd.mode", "not an octal file mode")]
    [InlineData("public_plane: provider-public", "public_plane: public", "bundle.public_plane", "not a plane of this site")]
    [InlineData("  juju:\n", "  jujuu:\n", "cloud.jujuu", "unknown key")]
    [InlineData("\"52:54:00:0c:04:0d\"", "\"52:54:00:0C:04:0C\"", "hosts[3].provider_mac", "already the provider MAC of openstack2")]
    [InlineData("vip_planes: [provider-public, metal-admin, metal-internal]", "vip_planes: [provider-public, metal-admin, metal-admin]", "bundle.vip_planes", "each once")]
    [InlineData("vip_planes: [provider-public, metal-admin, metal-internal]", "vip_planes: []", "bundle.vip_planes", "one or more")]
    [InlineData("units: { mysql-innodb-cluster: 3 }", "units: { mysql-innodb-cluster: 0 }", "bundle.units.mysql-innodb-cluster", "expected 1 or more")]
    [InlineData("qemu+ssh://jessea123@10.12.8.1/system", "qemu+ssh://jessea123:hunter2@10.12.8.1/system", "libvirt.power_address", "holds a password")]
    [InlineData("uri: qemu:///system", "uri: qemu+ssh://root:pw@hv/system", "libvirt.uri", "holds a password")]
    [InlineData("boot_network: metal-admin", "boot_network: virbr6", "libvirt.boot_network", "the stale network 8_lbaas")]
    [InlineData("boot_network: metal-admin", "boot_network: \"-pxe\"", "libvirt.boot_network", "not a valid name")]
    public void A_bad_site_file_names_the_line_and_the_field(string find, string replace, string field, string problem)
    {
        var text = SiteFiles.CaracalWith(find, replace);

        var error = Assert.Throws<SiteFileException>(() => SiteLoader.Parse(text, "/x/site.yaml"));

        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Problem);
        Assert.StartsWith($"site.yaml:{error.Line}: {field}: ", error.Message);
        Assert.Equal(SiteFiles.CaracalLineOf(find), error.Line);
    }

    [Fact]
    public void A_missing_required_section_is_named()
    {
        var text = SiteFiles.CaracalText;
        var cut = text[..text.IndexOf("libvirt:", StringComparison.Ordinal)] + text[text.IndexOf("# Step 4", StringComparison.Ordinal)..];

        var error = Assert.Throws<SiteFileException>(() => SiteLoader.Parse(cut, "site.yaml"));

        Assert.Equal("libvirt", error.Field);
        Assert.Equal("is required", error.Problem);
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_its_line()
    {
        var error = Assert.Throws<SiteFileException>(() => SiteLoader.Parse("cloud:\n  name: [unclosed\nplanes: x\n", "bad.yaml"));

        Assert.Equal("yaml", error.Field);
        Assert.StartsWith("bad.yaml:", error.Message);
        Assert.True(error.Line >= 2);
    }

    [Fact]
    public void The_public_plane_must_be_carried_by_an_interface()
    {
        var text = SiteFiles.CaracalWith("parent: enp1s0, plane: provider-public }", "parent: enp1s0 }");

        var error = Assert.Throws<SiteFileException>(() => SiteLoader.Parse(text, "site.yaml"));

        Assert.Equal(("bundle.public_plane", SiteFiles.CaracalLineOf("public_plane: provider-public")), (error.Field, error.Line));
        Assert.Contains("carried by no interface", error.Problem);
    }

    [Fact]
    public void Null_in_any_core_schema_spelling_is_an_absent_value()
    {
        var site = SiteLoader.Parse(SiteFiles.CaracalWith("cidr: 10.12.8.0/22,  vid: 0", "cidr: 10.12.8.0/22,  vid: NULL"), "site.yaml");

        Assert.Equal(0, site.Plane("metal-admin").Vid);
    }

    [Fact]
    public void A_second_yaml_document_is_refused_not_ignored()
    {
        var text = SiteFiles.CaracalText + "---\nhosts: []\n";

        var error = Assert.Throws<SiteFileException>(() => SiteLoader.Parse(text, "site.yaml"));

        Assert.Equal(("site", SiteFiles.CaracalText.Count(c => c == '\n') + 2L), (error.Field, error.Line));
        Assert.Contains("second YAML document", error.Problem);
    }

    [Fact]
    public void A_missing_file_is_a_site_error_not_a_crash()
    {
        var error = Assert.Throws<SiteFileException>(() => SiteLoader.Load("/nonexistent/slate.yaml"));

        Assert.Equal("slate.yaml:0: site: file not found", error.Message);
    }
}
