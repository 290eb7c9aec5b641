using Slate.Juju.Tests;
using Slate.Lab.Cloud;
using Slate.Lab.Faults;
using Slate.Runbook.Ports;

namespace Slate.Cli.Tests;

/// <summary>
/// The teardown's juju calls through the real adapter and a real `slate lab juju` process: destroy-model's wait lines
/// (cmd/juju/model/destroy.go), its storage refusal, and a lingering machine that only `remove-machine --force` ends.
/// </summary>
public class LabJujuTeardownProcessTests
{
    [Fact]
    public async Task DestroyModel_reports_each_line_juju_writes_while_it_waits()
    {
        await using var lab = await LabJujuProcessLab.StartAsync();
        var lines = new LineRecorder();

        await lab.Cli().DestroyModelAsync("openstack", new DestroyOptions(DestroyStorage: true), lines);

        var seen = lines.Lines;
        Assert.Equal("Destroying model", seen[0]);
        // juju's first look is at once: the whole model is still there.
        Assert.StartsWith("Waiting for model to be removed, 4 machine(s), 7 application(s), 4 volume(s)...", seen[1]);
        Assert.Equal("Model destroyed.", seen[^1]);
        Assert.All(seen.Skip(1).SkipLast(1), l => Assert.Matches(@"^Waiting for model to be removed(, \d+ \w+\(s\))*\.\.\.\.*$", l));
        Assert.DoesNotContain(await lab.Cli().ListModelsAsync(), m => m.ShortName == "openstack");
    }

    [Fact]
    public async Task DestroyModel_without_a_storage_choice_fails_with_jujus_refusal_and_changes_nothing()
    {
        await using var lab = await LabJujuProcessLab.StartAsync();

        var refused = await Assert.ThrowsAsync<JujuException>(() => lab.Cli().DestroyModelAsync("openstack", new DestroyOptions()));
        Assert.Equal(JujuFailure.CommandFailed, refused.Failure);

        Assert.Equal(1, refused.ExitCode);
        Assert.EndsWith("exited 1: ERROR cannot destroy model \"openstack\"", refused.Message);
        Assert.Contains("The model has persistent storage remaining:\n\t4 volumes", refused.StderrTail);
        Assert.Contains("\"--release-storage\"", refused.StderrTail);
        Assert.Equal("alive", (await lab.Cli().ListModelsAsync()).Single(m => m.ShortName == "openstack").Life);
        Assert.All(lab.Cloud.Site.Hosts, h => Assert.Equal(NodeStatus.Deployed, lab.Cloud.Machines.FindByHostname(h.Name)!.Status));
    }

    [Fact]
    public async Task A_lingering_machine_holds_destroy_model_until_remove_machine_force_then_the_model_goes()
    {
        await using var lab = await LabJujuProcessLab.StartAsync(LabFaults.Parse(["lingering=openstack2"]));
        var lingering = lab.Cloud.Machines.FindByHostname("openstack2")!.SystemId;

        var stuck = await Assert.ThrowsAsync<JujuException>(() =>
            lab.Cli(changeTimeout: TimeSpan.FromSeconds(5)).DestroyModelAsync("openstack", new DestroyOptions(DestroyStorage: true)));
        Assert.Equal(JujuFailure.CommandFailed, stuck.Failure);

        Assert.Contains("no answer within", stuck.Message);
        Assert.Equal("dying", (await lab.Cli().ListModelsAsync()).Single(m => m.ShortName == "openstack").Life);
        var left = Assert.Single((await lab.Cli().StatusAsync("openstack")).Machines);
        Assert.Equal(("2", lingering), (left.Id, left.InstanceId));
        Assert.Equal(NodeStatus.Deployed, lab.Cloud.Machines.FindBySystemId(lingering)!.Status);

        await lab.Cli().RemoveMachineAsync("openstack", "2", new RemoveOptions(Force: true));

        // The model goes on its own once its last machine has (the lab's model-removal time after it).
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await lab.Cli().ListModelsAsync(patience.Token)).Any(m => m.ShortName == "openstack"))
            await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
        Assert.NotEqual(NodeStatus.Deployed, lab.Cloud.Machines.FindBySystemId(lingering)?.Status);
        Assert.Contains(lab.Cloud.Events, e => e.Message == "remove-machine -m openstack 2 --force");
    }

    [Theory]
    [InlineData("capi-mgmt", "--fault lingering=capi-mgmt: capi-mgmt is not a machine of the juju model openstack")]
    [InlineData("juju", "--fault lingering=juju: juju is not a machine of the juju model openstack")]
    [InlineData("openstack9", "--fault lingering=openstack9: openstack9 is not a machine of the juju model openstack (its machines are the site's hosts: openstack0, openstack1, openstack2, openstack3)")]
    public async Task The_lingering_fault_names_a_machine_of_the_model(string host, string message)
    {
        var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "rehearse", "--fault", $"lingering={host}");

        Assert.Equal(2, code);
        Assert.Empty(io.Out);
        Assert.StartsWith("slate: " + message, Assert.Single(io.Errors), StringComparison.Ordinal);
    }
}
