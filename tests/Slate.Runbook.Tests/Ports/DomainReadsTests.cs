using Slate.Lab.Hypervisor;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Sites;

namespace Slate.Runbook.Tests.Ports;

public sealed class DomainReadsTests
{
    [Fact]
    public async Task A_domain_undefined_between_the_listing_and_its_read_is_passed_over()
    {
        var hypervisor = LabHypervisor.FromSite(SiteLoader.Load(SiteFiles.CaracalPath));
        var listed = await hypervisor.ListDomainsAsync(CancellationToken.None);
        hypervisor.UndefineWithStorage("openstack2");

        var devices = await hypervisor.DevicesOfAsync(listed, CancellationToken.None);

        Assert.Equal(listed.Select(d => d.Name).Where(n => n != "openstack2"), devices.Select(d => d.Domain));
    }
}
