using Slate.Lab.Faults;
using Slate.Lab.Tests.Juju;

namespace Slate.Lab.Tests.Faults;

/// <summary>juju-error=RATE: a juju command that fails before the controller acts, as juju reports it.</summary>
public sealed class JujuFaultTests
{
    [Fact]
    public async Task A_failed_juju_command_prints_an_ERROR_line_exits_1_and_the_controller_did_nothing()
    {
        await using var lab = await LabJujuHarness.StartAsync(faults: LabFaults.Parse(["juju-error=1", "seed=4"]));

        var run = await lab.RunAsync("destroy-model", "caracal-maas:openstack", "--no-prompt", "--destroy-storage");

        Assert.Equal(1, run.ExitCode);
        // destroy-model's look-up and wait are part of the command: the fault draws once, on the destroy itself.
        Assert.Equal("Destroying modelERROR lab fault injection: the controller did not answer destroy-model\n", run.Stderr.Replace("\r", "", StringComparison.Ordinal));
        Assert.Equal("alive", lab.Juju.Get(null, "openstack").Life);
        Assert.Contains(lab.Cloud.Events, e => e.Source == LabFaults.EventSource && e.Message == "juju destroy-model: ERROR before the controller acted");
    }

    [Fact]
    public async Task Without_the_fault_or_at_rate_0_every_juju_command_is_answered()
    {
        await using var lab = await LabJujuHarness.StartAsync(faults: LabFaults.Parse(["juju-error=0", "503=0.5", "seed=4"]));

        var run = await lab.RunAsync("models", "--format=json", "-c", "caracal-maas");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(lab.Cloud.Events, e => e.Message.StartsWith("juju ", StringComparison.Ordinal) && e.Source == LabFaults.EventSource);
    }

    [Fact]
    public void The_juju_fault_parses_prints_back_and_is_a_fault()
    {
        var faults = LabFaults.Parse(["juju-error=0.05", "seed=2"]);

        Assert.Equal(0.05, faults.JujuError);
        Assert.Equal("juju-error=0.05 seed=2", faults.ToString());
        Assert.False(faults.IsEmpty);
    }
}
