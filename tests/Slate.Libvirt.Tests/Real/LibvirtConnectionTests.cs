using Slate.Runbook.Ports;

namespace Slate.Libvirt.Tests.Real;

public sealed class LibvirtConnectionTests
{
    [Fact]
    public void A_daemon_that_does_not_answer_is_Unreachable_with_libvirts_reason()
    {
        var uri = "qemu+unix:///system?socket=/nonexistent/slate-libvirt-sock";

        var error = Assert.Throws<HypervisorException>(() => LibvirtHypervisor.Open(uri));

        Assert.Equal(HypervisorFailure.Unreachable, error.Failure);
        Assert.StartsWith($"cannot connect to libvirt at {uri}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/slate-libvirt-sock", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_empty_uri_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => LibvirtHypervisor.Open(" "));
    }

    [Fact]
    public async Task The_test_driver_answers_the_read_paths()
    {
        using var hypervisor = LibvirtHypervisor.Open("test:///default");

        var domains = await hypervisor.ListDomainsAsync(CancellationToken.None);
        var devices = await hypervisor.GetDomainDevicesAsync("test", CancellationToken.None);
        var network = await hypervisor.FindNetworkAsync("default", CancellationToken.None);

        Assert.Equal([new HypervisorDomain("test", DomainState.Running)], domains);
        Assert.Equal([new DomainDisk("vda", "disk", "/guest/diskimage1", null)], devices.Disks);
        Assert.Equal([new DomainInterface("aa:bb:cc:dd:ee:ff", "network", "default", null, null)], devices.Interfaces);
        Assert.Equal(("default", true, "virbr0"), (network?.Name, network?.Active, network?.Bridge));
    }

    [Fact]
    public async Task A_disposed_hypervisor_refuses_calls()
    {
        var hypervisor = LibvirtHypervisor.Open("test:///default");
        hypervisor.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => hypervisor.ListDomainsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_call_does_not_run()
    {
        using var hypervisor = LibvirtHypervisor.Open("test:///default");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hypervisor.ListDomainsAsync(new CancellationToken(canceled: true)));
    }

    [Fact]
    public void A_password_in_the_uri_never_reaches_the_message()
    {
        var error = Assert.Throws<HypervisorException>(() =>
            LibvirtHypervisor.Open("qemu+tcp://jessea123:s3cret-pw@127.0.0.1:1/system"));

        Assert.Equal(HypervisorFailure.Unreachable, error.Failure);
        Assert.DoesNotContain("s3cret-pw", error.Message, StringComparison.Ordinal);
        Assert.Contains("qemu+tcp://jessea123:***@127.0.0.1:1/system", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_uri_it_shows_has_the_password_masked()
    {
        using var hypervisor = LibvirtHypervisor.Open("test://operator:s3cret-pw@/default");

        Assert.Equal("test://operator:***@/default", hypervisor.Uri);
    }
}
