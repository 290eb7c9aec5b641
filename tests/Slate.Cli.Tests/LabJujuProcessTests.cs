using System.Diagnostics;
using Slate.Lab.Cloud;
using Slate.Runbook.Ports;

namespace Slate.Cli.Tests;

/// <summary>The real juju adapter (JujuCli) against `slate lab juju` running as a separate process through the shim.</summary>
public class LabJujuProcessTests
{
    [Fact]
    public async Task ListModels_sees_the_openstack_and_controller_models()
    {
        await using var lab = await LabJujuProcessLab.StartAsync();
        var models = await lab.Cli().ListModelsAsync();
        var openstack = models.Single(m => m.ShortName == "openstack");
        Assert.Equal("admin/openstack", openstack.Name);
        Assert.Equal("alive", openstack.Life);
        Assert.False(openstack.IsController);
        Assert.Equal(lab.Server.Juju.Get(null, "openstack").Uuid, openstack.Uuid);
        Assert.True(models.Single(m => m.ShortName == "controller").IsController);
    }

    [Fact]
    public async Task Status_has_four_machines_whose_instance_ids_are_the_lab_maas_system_ids()
    {
        await using var lab = await LabJujuProcessLab.StartAsync();
        var status = await lab.Cli().StatusAsync("openstack");
        Assert.Equal("openstack", status.ModelName);
        Assert.Empty(status.Errors);
        Assert.Equal(["0", "1", "2", "3"], status.Machines.Select(m => m.Id));
        var systemIds = lab.Cloud.Site.Hosts.Select(h => lab.Cloud.Machines.FindByHostname(h.Name)!.SystemId);
        Assert.Equal(systemIds, status.Machines.Select(m => m.InstanceId));
        Assert.All(status.Machines, m => Assert.Equal("started", m.AgentStatus?.Current));
        var chassis = status.Applications.Single(a => a.Name == "ovn-chassis");
        Assert.Equal(["nova-compute"], chassis.SubordinateTo);
        Assert.Contains(new JujuRelation("neutron-plugin", "ovn-chassis", null, null), status.Applications.Single(a => a.Name == "nova-compute").Relations);
    }

    [Fact]
    public async Task DestroyModel_returns_once_the_model_is_gone_and_the_hosts_are_gone_from_maas()
    {
        await using var lab = await LabJujuProcessLab.StartAsync();
        var juju = lab.Cli();
        var bundle = await juju.ExportBundleAsync("openstack");
        Assert.Contains("  nova-compute:\n", bundle);

        await juju.DestroyModelAsync("openstack", new DestroyOptions(DestroyStorage: true));

        Assert.DoesNotContain(await juju.ListModelsAsync(), m => m.ShortName == "openstack");
        Assert.All(lab.Cloud.Site.Hosts, h => Assert.Null(lab.Cloud.Machines.FindByHostname(h.Name)));
        Assert.Equal(NodeStatus.Deployed, lab.Cloud.Machines.FindByHostname("capi-mgmt")!.Status);
        Assert.All(lab.Cloud.Site.Protected, name => Assert.Equal(NodeStatus.Deployed, lab.Cloud.Machines.FindByHostname(name)!.Status));
        var removed = lab.Cloud.Events.Single(e => e.Message == "model openstack removed").At;
        var destroyed = lab.Cloud.Events.Single(e => e.Message == "destroy-model openstack --destroy-storage").At;
        Assert.True(removed - destroyed >= LabJujuProcessLab.JujuTimings.Total, $"removed {removed - destroyed} after destroy-model");

        var gone = await Assert.ThrowsAsync<JujuException>(() => juju.DestroyModelAsync("openstack", new DestroyOptions()));
        Assert.Equal(JujuFailure.ModelNotFound, gone.Failure);
        Assert.Equal("openstack", gone.Model);
        Assert.Equal(1, gone.ExitCode);
    }

    [Fact]
    public async Task RemoveMachine_with_keep_instance_leaves_the_maas_machine_deployed()
    {
        await using var lab = await LabJujuProcessLab.StartAsync();
        var juju = lab.Cli();
        var systemId = lab.Cloud.Machines.FindByHostname("openstack3")!.SystemId;

        await juju.RemoveMachineAsync("openstack", "3", new RemoveOptions(KeepInstance: true, Force: true));

        Assert.Equal(["0", "1", "2"], (await juju.StatusAsync("openstack")).Machines.Select(m => m.Id));
        var instance = lab.Cloud.Machines.FindBySystemId(systemId)!;
        Assert.Equal(NodeStatus.Deployed, instance.Status);
        Assert.Equal("admin", instance.Owner);
    }

    [Fact]
    public async Task A_missing_model_is_a_model_not_found_failure_and_a_refusal_a_command_failure()
    {
        await using var lab = await LabJujuProcessLab.StartAsync();
        var juju = lab.Cli();
        var missing = await Assert.ThrowsAsync<JujuException>(() => juju.StatusAsync("nope"));
        Assert.Equal(JujuFailure.ModelNotFound, missing.Failure);
        Assert.Equal("nope", missing.Model);
        Assert.Contains("ERROR model caracal-maas:admin/nope not found", missing.StderrTail);

        var busy = await Assert.ThrowsAsync<JujuException>(() => juju.RemoveMachineAsync("openstack", "0", new RemoveOptions()));
        Assert.Equal(JujuFailure.CommandFailed, busy.Failure);
        Assert.Equal(JujuFailure.CommandFailed, busy.Failure);
        Assert.Equal(1, busy.ExitCode);
        Assert.Contains("machine 0 has unit \"ceph-osd/0\" assigned", busy.Message);
    }

    [Fact]
    public async Task Without_a_lab_in_its_environment_slate_lab_juju_says_to_run_slate_lab_serve()
    {
        var directory = Directory.CreateTempSubdirectory("slate-labjuju-").FullName;
        try
        {
            var shim = LabJujuProcessLab.WriteShim(directory);
            var start = new ProcessStartInfo(shim, ["models", "--format=json"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment.Remove("SLATE_LAB_URL");
            start.Environment.Remove("SLATE_LAB_TOKEN");
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(1, process.ExitCode);
            Assert.Equal("", await stdout);
            Assert.StartsWith("ERROR no lab to answer: SLATE_LAB_URL is not set. Run 'slate lab serve'", stderr);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
