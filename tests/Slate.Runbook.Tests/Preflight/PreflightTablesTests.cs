using Slate.Runbook.Preflight;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Sites;

namespace Slate.Runbook.Tests.Preflight;

public sealed class PreflightTablesTests
{
    [Fact]
    public void The_osd_table_title_claims_no_state_the_rows_may_contradict()
    {
        var site = SiteLoader.Load(SiteFiles.CaracalPath);
        var report = new PreflightReport([], [], [new OsdDiskBaseline("node1", "shut off", "/var/lib/libvirt/images/node1-1.qcow2", "root:root", "0600", null)], null, []);

        var osd = Assert.Single(PreflightTables.Of(site, report), t => t.Title.StartsWith("OSD disks", StringComparison.Ordinal));

        Assert.DoesNotContain("running", osd.Title);
        Assert.DoesNotContain("libvirt-qemu:kvm", osd.Title);
        Assert.Equal(["node1", "shut off", "/var/lib/libvirt/images/node1-1.qcow2", "root:root", "0600"], Assert.Single(osd.Rows));
    }
}
