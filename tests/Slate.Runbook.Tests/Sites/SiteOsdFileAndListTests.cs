using Slate.Runbook.Sites;

namespace Slate.Runbook.Tests.Sites;

/// <summary>
/// The OSD file rule is judged as written, not after the path is tidied: a '..' is refused even when it steps back in,
/// and a path that only reaches the images folder once normalised is refused too. A required list that is absent is named.
/// </summary>
public sealed class SiteOsdFileAndListTests
{
    [Theory]
    [InlineData("{images}/../images/{host}-1.qcow2")]
    [InlineData("/var/lib/libvirt/./images/{host}-1.qcow2")]
    [InlineData("/var/lib//libvirt/images/{host}-1.qcow2")]
    public void An_osd_file_pattern_that_lands_inside_only_once_normalised_is_refused(string pattern)
    {
        var text = SiteFiles.CaracalWith("file: \"{images}/{host}-1.qcow2\"", $"file: \"{pattern}\"");

        var error = Assert.Throws<SiteFileException>(() => SiteLoader.Parse(text, "site.yaml"));

        Assert.Equal(("osd.file", (long)SiteFiles.CaracalLineOf("file: \"{images}")), (error.Field, error.Line));
        Assert.Equal($"'{pattern}' leads out of libvirt.images (/var/lib/libvirt/images); the disks live inside it", error.Problem);
    }

    [Fact]
    public void A_bundle_without_vip_planes_is_refused_naming_the_key()
    {
        var text = SiteFiles.CaracalWith("  vip_planes: [provider-public, metal-admin, metal-internal]\n", "");

        var error = Assert.Throws<SiteFileException>(() => SiteLoader.Parse(text, "site.yaml"));

        Assert.Equal(("bundle.vip_planes", "is required"), (error.Field, error.Problem));
    }
}
