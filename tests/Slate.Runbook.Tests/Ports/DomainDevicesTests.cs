using Slate.Lab.Hypervisor;
using static Slate.Runbook.Tests.CaracalCloud;

namespace Slate.Runbook.Tests.Ports;

public sealed class DomainDevicesTests
{
    [Fact]
    public async Task A_disk_is_found_by_its_target_and_a_nic_by_its_mac_in_any_case()
    {
        var devices = await LabHypervisor.FromSite(Caracal).GetDomainDevicesAsync("openstack1", CancellationToken.None);

        Assert.Equal(Caracal.Osd.FileFor(Caracal.Host("openstack1"), Caracal.Libvirt.ImagesDir), devices.Disk("vdb")?.SourcePath);
        Assert.Null(devices.Disk("vdz"));
        Assert.Equal("52:54:00:0c:04:0b", devices.Interface("52:54:00:0C:04:0B")?.Mac.ToLowerInvariant());
        Assert.Null(devices.Interface("52:54:00:ff:ff:ff"));
    }
}
