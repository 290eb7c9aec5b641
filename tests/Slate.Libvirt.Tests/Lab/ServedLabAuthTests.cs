using Slate.Runbook.Ports;

namespace Slate.Libvirt.Tests.Lab;

public sealed class ServedLabAuthTests : IDisposable
{
    private readonly ServedLabWorld world = new();

    public void Dispose() => world.Dispose();

    [Theory]
    [InlineData("not-the-token")]
    [InlineData("")]
    public async Task A_wrong_token_is_refused_and_changes_nothing(string token)
    {
        using var intruder = world.ClientWithToken(token);
        var domain = world.Domains[0];

        var error = await Assert.ThrowsAsync<HypervisorException>(() =>
            intruder.DetachInterfaceAsync(domain, world.NetworkMac(domain), CancellationToken.None));

        Assert.Equal(HypervisorFailure.Unreachable, error.Failure);
        Assert.Contains("refused the token", error.Message, StringComparison.Ordinal);
        Assert.NotNull((await world.Hypervisor.GetDomainDevicesAsync(domain, CancellationToken.None)).Interface(world.NetworkMac(domain)));
    }
}
