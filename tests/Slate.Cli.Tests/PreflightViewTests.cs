using Slate.Cli.Rendering;
using Slate.Runbook.Preflight;
using Slate.Runbook.Sites;

namespace Slate.Cli.Tests;

public sealed class PreflightViewTests
{
    [Fact]
    public void The_osd_table_title_claims_no_state_the_rows_may_contradict()
    {
        var site = SiteLoader.Load(CliHarness.SitePath);
        var report = new PreflightReport("maas", [], [], [new OsdDiskBaseline("node1", "shut off", "/var/lib/libvirt/images/node1-osd.qcow2", "root:root", "0600", null)], null, []);
        var io = new RecordingInteraction();

        PreflightView.Render(io, site, report);

        var title = Assert.Single(io.Out, line => line.StartsWith("[OSD disks", StringComparison.Ordinal));
        Assert.DoesNotContain("running", title);
        Assert.DoesNotContain("libvirt-qemu:kvm", title);
        Assert.Contains("node1 | shut off | /var/lib/libvirt/images/node1-osd.qcow2 | root:root | 0600", io.Out);
    }
}
