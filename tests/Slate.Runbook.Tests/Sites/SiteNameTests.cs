using Slate.Runbook.Sites;

namespace Slate.Runbook.Tests.Sites;

/// <summary>
/// Names that are not what they seem (blank, <c>*</c>, <c>~</c>, a path, spaces around) are refused wherever the site
/// file names a machine, an application or a device: "juju " would protect nothing and let the teardown delete juju.
/// </summary>
public sealed class SiteNameTests
{
    public static TheoryData<string, string, string, string> BadNames => new()
    {
        { "protected: [juju, lxd, tailscale]", "protected: [\"juju \", lxd, tailscale]", "protected[0]", "'juju ' has spaces around it; a name has none" },
        { "protected: [juju, lxd, tailscale]", "protected: [juju, \"*\", tailscale]", "protected[1]", "'*' is not a valid name" },
        { "protected: [juju, lxd, tailscale]", "protected: [juju, lxd, \"~\"]", "protected[2]", "'~' is not a valid name" },
        { "protected: [juju, lxd, tailscale]", "protected: [juju, \"\", tailscale]", "protected[1]", "is blank; a name is required" },
        { "protected: [juju, lxd, tailscale]", "protected: [juju, \"   \", tailscale]", "protected[1]", "is blank; a name is required" },
        { "orphans: [capi-mgmt]", "orphans: [capi/mgmt]", "orphans[0]", "'capi/mgmt' is not a valid name" },
        { "orphans: [capi-mgmt]", "orphans: [\" capi-mgmt\"]", "orphans[0]", "has spaces around it" },
        { "never: [vda]", "never: [\"../vda\"]", "osd.never[0]", "is not a valid name" },
        { "owner: root", "owner: \"root \"", "osd.owner", "has spaces around it" },
        { "policyd: [keystone]", "policyd: [\"*\"]", "bundle.policyd[0]", "'*' is not a valid name" },
        { "application: ovn-chassis", "application: \"ovn-chassis \"", "bundle.chassis.application", "has spaces around it" },
        { "public_endpoint: public", "public_endpoint: \"~\"", "bundle.public_endpoint", "'~' is not a valid name" },
        { "units: { mysql-innodb-cluster: 3 }", "units: { \"mysql/0\": 3 }", "bundle.units", "'mysql/0' is not a valid name" },
        { "maas_name: caracal-testcloud", "maas_name: \"caracal-testcloud \"", "cloud.maas_name", "has spaces around it" },
        { "maas_name: caracal-testcloud", "maas_name: \"  \"", "cloud.maas_name", "is blank" },
        { "maas_name: caracal-testcloud", "maas_name: \"caracal\\e[2J\"", "cloud.maas_name", "holds control characters" },
        { "orphans: [capi-mgmt]", $"orphans: [{new string('c', 64)}]", "orphans[0]", $"'{new string('c', 20)}…' is 64 characters long; a name has at most 63" },
        { "file: \"{images}/{host}-1.qcow2\"", "file: \"{images}/{host}\\n-1.qcow2\"", "osd.file", "holds control characters" },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public void A_name_that_is_not_what_it_seems_is_refused_at_its_line(string find, string replace, string field, string problem)
    {
        var error = Assert.Throws<SiteFileException>(() => SiteLoader.Parse(SiteFiles.CaracalWith(find, replace), "site.yaml"));

        Assert.Equal((field, (long)SiteFiles.CaracalLineOf(find)), (error.Field, error.Line));
        Assert.Contains(problem, error.Problem);
        Assert.StartsWith($"site.yaml:{error.Line}: {field}: ", error.Message);
    }

    [Fact]
    public void A_name_of_63_characters_the_longest_a_hostname_label_may_be_is_accepted()
    {
        var name = new string('c', 63);

        var site = SiteLoader.Parse(SiteFiles.CaracalWith("orphans: [capi-mgmt]", $"orphans: [{name}]"), "site.yaml");

        Assert.Equal([name], site.Orphans);
    }

    [Theory]
    [InlineData("{images}/../{host}-1.qcow2")]
    [InlineData("{images}/{host}/../../etc/{host}.qcow2")]
    [InlineData("/etc/{host}.qcow2")]
    [InlineData("{images}-other/{host}.qcow2")]
    [InlineData("{images}")]
    public void An_osd_file_pattern_that_leads_out_of_the_images_folder_is_refused(string pattern)
    {
        var text = SiteFiles.CaracalWith("file: \"{images}/{host}-1.qcow2\"", $"file: \"{pattern}{(pattern.Contains("{host}") ? "" : "{host}")}\"");

        var error = Assert.Throws<SiteFileException>(() => SiteLoader.Parse(text, "site.yaml"));

        Assert.Equal(("osd.file", (long)SiteFiles.CaracalLineOf("file: \"{images}")), (error.Field, error.Line));
        Assert.Contains("leads out of libvirt.images (/var/lib/libvirt/images)", error.Problem);
    }

    [Theory]
    [InlineData("{images}/{host}/osd.qcow2")]
    [InlineData("/var/lib/libvirt/images/{host}-osd.raw")]
    public void An_osd_file_pattern_inside_the_images_folder_is_accepted(string pattern)
    {
        var site = SiteLoader.Parse(SiteFiles.CaracalWith("file: \"{images}/{host}-1.qcow2\"", $"file: \"{pattern}\""), "site.yaml");

        Assert.StartsWith("/var/lib/libvirt/images/", site.Osd.FileFor(site.Hosts[0], site.Libvirt.ImagesDir));
    }

    [Fact]
    public void An_images_folder_with_a_dot_dot_step_is_refused()
    {
        var error = Assert.Throws<SiteFileException>(() => SiteLoader.Parse(
            SiteFiles.CaracalWith("images: /var/lib/libvirt/images", "images: /var/lib/libvirt/images/../../../etc"), "site.yaml"));

        Assert.Equal("libvirt.images", error.Field);
    }
}
