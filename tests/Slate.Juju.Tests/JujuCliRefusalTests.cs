using Slate.Runbook.Ports;

namespace Slate.Juju.Tests;

/// <summary>Requests juju would reject (or that could be read as flags) are refused before any process starts.</summary>
public sealed class JujuCliRefusalTests : IDisposable
{
    private readonly DummyJuju _juju = new();

    public JujuCliRefusalTests() => _juju.Answers();

    public void Dispose() => _juju.Dispose();

    [Fact]
    public async Task Timeout_without_force_is_refused_without_running_juju()
    {
        var e = await Assert.ThrowsAsync<JujuException>(() =>
            _juju.Cli().DestroyModelAsync("openstack", new DestroyOptions(DestroyStorage: true, Timeout: TimeSpan.FromMinutes(10))));
        Assert.Equal(JujuFailure.Invalid, e.Failure);

        Assert.Contains("timeout", e.Message);
        Assert.False(_juju.Ran);
    }

    // juju's own Init: "--destroy-storage and --release-storage cannot both be specified" (cmd/juju/model/destroy.go).
    [Fact]
    public async Task Destroying_and_releasing_the_storage_at_once_is_refused()
    {
        var e = await Assert.ThrowsAsync<JujuException>(() =>
            _juju.Cli().DestroyModelAsync("openstack", new DestroyOptions(DestroyStorage: true, ReleaseStorage: true)));
        Assert.Equal(JujuFailure.Invalid, e.Failure);

        Assert.Contains("release-storage", e.Message);
        Assert.False(_juju.Ran);
    }

    [Fact]
    public async Task Destroy_no_wait_without_force_is_refused()
    {
        Assert.Equal(JujuFailure.Invalid, (await Assert.ThrowsAsync<JujuException>(() => _juju.Cli().DestroyModelAsync("openstack", new DestroyOptions(NoWait: true)))).Failure);
        Assert.False(_juju.Ran);
    }

    [Fact]
    public async Task Remove_no_wait_without_force_is_refused()
    {
        Assert.Equal(JujuFailure.Invalid, (await Assert.ThrowsAsync<JujuException>(() => _juju.Cli().RemoveMachineAsync("openstack", "3", new RemoveOptions(NoWait: true)))).Failure);
        Assert.False(_juju.Ran);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1.5)]
    public async Task Negative_or_fractional_timeouts_are_refused(double seconds)
    {
        Assert.Equal(JujuFailure.Invalid, (await Assert.ThrowsAsync<JujuException>(() =>
            _juju.Cli().DestroyModelAsync("openstack", new DestroyOptions(Force: true, Timeout: TimeSpan.FromSeconds(seconds))))).Failure);
        Assert.False(_juju.Ran);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("--force")]
    [InlineData("3/lxd")]
    [InlineData("")]
    public async Task Invalid_machine_ids_are_refused(string machineId)
    {
        var e = await Assert.ThrowsAsync<JujuException>(() => _juju.Cli().RemoveMachineAsync("openstack", machineId, new RemoveOptions()));
        Assert.Equal(JujuFailure.Invalid, e.Failure);

        Assert.Contains("machine id", e.Message);
        Assert.False(_juju.Ran);
    }

    [Theory]
    [InlineData("--force")]
    [InlineData("Open Stack")]
    [InlineData("")]
    [InlineData("ctrl:openstack")]
    public async Task Invalid_model_names_are_refused(string model)
    {
        var e = await Assert.ThrowsAsync<JujuException>(() => _juju.Cli().StatusAsync(model));
        Assert.Equal(JujuFailure.Invalid, e.Failure);

        Assert.Contains("model name", e.Message);
        Assert.False(_juju.Ran);
    }

    [Fact]
    public void An_invalid_controller_name_is_refused()
    {
        Assert.Equal(JujuFailure.Invalid, (Assert.Throws<JujuException>(() => _juju.Cli(controller: "-c evil"))).Failure);
    }
}
