using System.Text.Json.Nodes;
using Slate.Lab.Cloud;
using Slate.Lab.Faults;
using Slate.Lab.Juju;

namespace Slate.Lab.Tests.Juju;

/// <summary>The lab juju command run in-process against a lab served over loopback: juju's output and exit codes.</summary>
public class LabJujuCommandTests
{
    [Fact]
    public async Task Models_lists_the_controller_and_openstack_models_in_juju_shape()
    {
        await using var lab = await LabJujuHarness.StartAsync();
        var run = await lab.RunAsync("models", "--format=json", "-c", "caracal-maas");
        Assert.True(run.ExitCode == 0, run.ToString());
        var models = run.Json()["models"]!.AsArray();
        Assert.Equal(["admin/controller", "admin/openstack"], models.Select(m => (string?)m!["name"]));
        var openstack = models[1]!;
        Assert.Equal("openstack", (string?)openstack["short-name"]);
        Assert.Equal("alive", (string?)openstack["life"]);
        Assert.Equal("available", (string?)openstack["status"]!["current"]);
        Assert.False((bool)openstack["is-controller"]!);
        Assert.True((bool)models[0]!["is-controller"]!);
        Assert.Equal(lab.Juju.Get(null, "openstack").Uuid, (string?)openstack["model-uuid"]);
        Assert.Equal("openstack", (string?)run.Json()["current-model"]);
        Assert.Contains(lab.Cloud.Events, e => e.Source == "juju" && e.Message == "models");
    }

    [Fact]
    public async Task Status_shows_the_machines_on_their_maas_instances_and_the_applications_with_relations()
    {
        await using var lab = await LabJujuHarness.StartAsync();
        var run = await lab.RunAsync("status", "-m", "caracal-maas:openstack", "--format=json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var status = run.Json();
        Assert.Equal("openstack", (string?)status["model"]!["name"]);
        var machines = status["machines"]!.AsObject();
        Assert.Equal(["0", "1", "2", "3"], machines.Select(m => m.Key));
        var zero = machines["0"]!;
        Assert.Equal(lab.Cloud.Machines.FindByHostname("openstack0")!.SystemId, (string?)zero["instance-id"]);
        Assert.Equal("10.12.4.10", (string?)zero["dns-name"]);
        Assert.Equal("started", (string?)zero["juju-status"]!["current"]);
        Assert.Equal("Deployed", (string?)zero["machine-status"]!["message"]);
        var keystone = status["applications"]!["keystone"]!;
        Assert.Equal(["keystone-mysql-router"], keystone["relations"]!["shared-db"]!.AsArray().Select(a => (string?)a));
        Assert.True((bool)keystone["units"]!["keystone/0"]!["leader"]!);
        Assert.NotNull(keystone["units"]!["keystone/0"]!["subordinates"]!["keystone-mysql-router/0"]);
        Assert.Equal(["nova-compute"], status["applications"]!["ovn-chassis"]!["subordinate-to"]!.AsArray().Select(a => (string?)a));
    }

    [Fact]
    public async Task Export_bundle_prints_the_applications_placements_and_relations_as_yaml()
    {
        await using var lab = await LabJujuHarness.StartAsync();
        var run = await lab.RunAsync("export-bundle", "-m", "openstack");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("  keystone:\n    charm: keystone\n    channel: 2024.1/stable\n    revision: 1\n    num_units: 3\n    to:\n    - \"lxd:1\"\n", run.Stdout);
        Assert.Contains("  ceph-osd:\n    charm: ceph-osd\n    channel: 2024.1/stable\n    revision: 1\n    num_units: 4\n    to:\n    - \"0\"\n", run.Stdout);
        Assert.Contains("- - keystone:shared-db\n  - keystone-mysql-router:shared-db\n", run.Stdout);
        Assert.Contains("machines:\n  \"0\": {}\n", run.Stdout);
    }

    [Fact]
    public async Task Destroy_model_waits_until_the_model_is_gone_and_releases_its_maas_machines()
    {
        // Every stage immediate on the fake clock: the model is gone at the first look, so nothing really waits.
        await using var lab = await LabJujuHarness.StartAsync(LabJujuTimings.Immediate);
        var hosts = lab.Cloud.Site.Hosts.Select(h => lab.Cloud.Machines.FindByHostname(h.Name)!.SystemId).ToList();

        var run = await lab.RunAsync("destroy-model", "--no-prompt", "--destroy-storage", "caracal-maas:openstack");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Destroying model\nModel destroyed.\n", run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.All(hosts, id => Assert.Equal(NodeStatus.Releasing, lab.Cloud.Machines.FindBySystemId(id)!.Status));
        lab.Time.Advance(lab.Cloud.Timings.Releasing);
        Assert.All(hosts, id => Assert.Null(lab.Cloud.Machines.FindBySystemId(id)));

        var models = await lab.RunAsync("models", "--format=json");
        Assert.Equal(["controller"], models.Json()["models"]!.AsArray().Select(m => (string?)m!["short-name"]));
        Assert.Null(models.Json()["current-model"]);
        var again = await lab.RunAsync("destroy-model", "--no-prompt", "openstack");
        Assert.Equal(1, again.ExitCode);
        Assert.Equal("ERROR model caracal-maas:admin/openstack not found\n", again.Stderr);
    }

    [Fact]
    public async Task Destroy_model_with_force_and_a_zero_timeout_drops_the_model_before_maas_has_finished()
    {
        var hour = TimeSpan.FromHours(1);
        await using var lab = await LabJujuHarness.StartAsync(new LabJujuTimings(hour, hour, hour));
        var run = await lab.RunAsync("destroy-model", "--no-prompt", "--destroy-storage", "--force", "--no-wait", "--timeout", "0s", "openstack");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(lab.Juju.Models, m => m.Name == "openstack");
        Assert.All(lab.Cloud.Site.Hosts, h => Assert.Equal(NodeStatus.Releasing, lab.Cloud.Machines.FindByHostname(h.Name)!.Status));
        Assert.Contains(lab.Cloud.Events, e => e.Message == "destroy-model openstack --destroy-storage --force --no-wait --timeout 0s");
    }

    // cmd/juju/model/destroy.go: "Destroying model" has no newline, and the API's persistent-storage refusal is
    // rewritten by handlePersistentStorageError; cmd.WriteError prints it as "ERROR <text>" on the same line.
    [Fact]
    public async Task Destroy_model_of_a_model_with_storage_and_no_storage_flag_is_refused_in_juju_words()
    {
        await using var lab = await LabJujuHarness.StartAsync(LabJujuTimings.Immediate);

        var run = await lab.RunAsync("destroy-model", "--no-prompt", "openstack");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "Destroying modelERROR cannot destroy model \"openstack\"\n\nThe model has persistent storage remaining:\n\t4 volumes\n\n" +
            "To destroy the storage, run the destroy-model\ncommand again with the \"--destroy-storage\" option.\n\n" +
            "To release the storage from Juju's management\nwithout destroying it, use the \"--release-storage\"\n" +
            "option instead. The storage can then be imported\ninto another Juju model.\n\n\n",
            run.Stderr);
        Assert.Equal("alive", lab.Juju.Get(null, "openstack").Life);
        Assert.All(lab.Cloud.Site.Hosts, h => Assert.Equal(NodeStatus.Deployed, lab.Cloud.Machines.FindByHostname(h.Name)!.Status));
    }

    // waitForModelDestroyed: a summary line at once, dots while it is unchanged; Ctrl-C leaves the destruction running
    // and lists what is left (formatDestroyModelAbortInfo).
    [Fact]
    public async Task A_lingering_machine_keeps_destroy_model_waiting_until_remove_machine_force()
    {
        await using var lab = await LabJujuHarness.StartAsync(LabJujuTimings.Immediate, LabFaults.Parse(["lingering=openstack1"]));
        var lingering = lab.Cloud.Machines.FindByHostname("openstack1")!.SystemId;

        using var interrupt = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var waited = await lab.RunAsync(interrupt.Token, "destroy-model", "--no-prompt", "--destroy-storage", "openstack");

        Assert.Equal(1, waited.ExitCode);
        Assert.Matches(
            @"^Destroying model\nWaiting for model to be removed, 1 machine\(s\)\.\.\.\.*\n\ndestroy model is still running in the background\.\.\.\n" +
            @"The following resources have not yet been removed:\n - 1 machine\(s\)\n$",
            waited.Stderr);
        var models = await lab.RunAsync("models", "--format=json");
        var openstack = models.Json()["models"]!.AsArray().Single(m => (string?)m!["short-name"] == "openstack")!;
        Assert.Equal("dying", (string?)openstack["life"]);
        Assert.Equal("destroying", (string?)openstack["status"]!["current"]);
        Assert.Equal(NodeStatus.Deployed, lab.Cloud.Machines.FindBySystemId(lingering)!.Status);

        var forced = await lab.RunAsync("remove-machine", "-m", "openstack", "--no-prompt", "--force", "1");

        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal("will remove machine 1\n", forced.Stdout);
        Assert.Equal(NodeStatus.Releasing, lab.Cloud.Machines.FindBySystemId(lingering)!.Status);
        var after = await lab.RunAsync("models", "--format=json");
        Assert.DoesNotContain(after.Json()["models"]!.AsArray(), m => (string?)m!["short-name"] == "openstack");
    }

    [Fact]
    public async Task Remove_machine_keep_instance_leaves_maas_deployed_and_without_it_releases()
    {
        await using var lab = await LabJujuHarness.StartAsync();
        var kept = lab.Cloud.Machines.FindByHostname("openstack3")!.SystemId;
        var released = lab.Cloud.Machines.FindByHostname("openstack2")!.SystemId;

        var keep = await lab.RunAsync("remove-machine", "-m", "caracal-maas:openstack", "--no-prompt", "--keep-instance", "--force", "3");
        var drop = await lab.RunAsync("remove-machine", "-m", "openstack", "--no-prompt", "--force", "2");

        // cmd/juju/machine/remove.go, logRemovedMachine: stdout, the units (subordinates too) and the storage.
        Assert.True(keep.ExitCode == 0, keep.ToString());
        Assert.Equal(
            "will remove machine 3 (but retaining cloud instance)\n- will remove unit ceph-osd/3\n- will remove unit nova-compute/3\n" +
            "- will remove unit ovn-chassis/3\n- will remove unit keystone/2\n- will remove unit keystone-mysql-router/2\n- will detach storage osd-devices/3\n",
            keep.Stdout);
        Assert.Equal("", keep.Stderr);
        Assert.True(drop.ExitCode == 0, drop.ToString());
        Assert.StartsWith("will remove machine 2\n- will remove unit ceph-osd/2\n- will remove unit nova-compute/2\n", drop.Stdout);
        Assert.Equal(NodeStatus.Deployed, lab.Cloud.Machines.FindBySystemId(kept)!.Status);
        Assert.Equal(NodeStatus.Releasing, lab.Cloud.Machines.FindBySystemId(released)!.Status);
        var status = await lab.RunAsync("status", "-m", "openstack", "--format=json");
        Assert.Equal(["0", "1"], status.Json()["machines"]!.AsObject().Select(m => m.Key));
    }

    [Fact]
    public async Task Remove_machine_reports_each_failed_machine_and_exits_1_after_doing_the_others()
    {
        await using var lab = await LabJujuHarness.StartAsync();
        var run = await lab.RunAsync("remove-machine", "-m", "openstack", "--no-prompt", "0", "9");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "ERROR removing machine 0 failed: machine 0 has unit \"ceph-osd/0\" assigned\nERROR removing machine 9 failed: machine 9 not found\n",
            run.Stderr);
        Assert.Equal(4, lab.Juju.Get(null, "openstack").Machines.Count);
    }

    [Theory]
    [InlineData("status -m nope --format=json", "ERROR model caracal-maas:admin/nope not found")]
    [InlineData("export-bundle -m caracal-maas:nope", "ERROR model caracal-maas:admin/nope not found")]
    [InlineData("remove-machine -m nope --no-prompt 3", "ERROR model caracal-maas:admin/nope not found")]
    [InlineData("models --format=json -c elsewhere", "ERROR controller elsewhere not found")]
    public async Task Controller_side_errors_exit_1_with_an_error_line_and_are_recorded(string command, string error)
    {
        await using var lab = await LabJujuHarness.StartAsync();
        var before = lab.Cloud.Events.Count;
        var run = await lab.RunAsync(command.Split(' '));
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(error + "\n", run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.Contains(lab.Juju.Models, m => m.Name == "openstack" && m.Life == "alive");
        Assert.Equal("juju", lab.Cloud.Events.Skip(before).Single().Source);
    }

    // Juju finds the model and refuses the controller model in the client, before it calls DestroyModel (destroy.go, Run).
    [Theory]
    [InlineData("destroy-model --no-prompt controller", "ERROR \"controller\" is a controller; use 'juju destroy-controller' to destroy it")]
    [InlineData("destroy-model --no-prompt caracal-maas:nope", "ERROR model caracal-maas:admin/nope not found")]
    [InlineData("destroy-model --no-wait --no-prompt openstack", "ERROR --no-wait without --force not valid")]
    [InlineData("destroy-model openstack", "ERROR model destruction: aborted (the Slate lab's juju cannot prompt; pass --no-prompt)")]
    [InlineData("remove-machine -m openstack 3", "ERROR machine removal: aborted (the Slate lab's juju cannot prompt; pass --no-prompt)")]
    public async Task Refusals_juju_makes_before_asking_the_controller_exit_1(string command, string error)
    {
        await using var lab = await LabJujuHarness.StartAsync();
        var before = lab.Cloud.Events.Count;
        var run = await lab.RunAsync(command.Split(' '));
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(error + "\n", run.Stderr);
        Assert.Equal(before, lab.Cloud.Events.Count);
        Assert.Equal(4, lab.Juju.Get(null, "openstack").Machines.Count);
    }

    [Theory]
    [InlineData("", "ERROR no command specified. See 'juju --help'.")]
    [InlineData("deploy bundle.yaml", "ERROR juju: \"deploy\" is not a juju command known to the Slate lab. See \"juju --help\".")]
    [InlineData("models", "ERROR the Slate lab's juju prints JSON only: pass --format=json")]
    [InlineData("status -m openstack --format=yaml", "ERROR the Slate lab's juju prints JSON only: pass --format=json")]
    [InlineData("status --format=json", "ERROR no model specified: the Slate lab's juju has no current model, pass -m [<controller>:]<model>")]
    [InlineData("models --format=json --all", "ERROR option provided but not defined: --all")]
    [InlineData("models -o json", "ERROR option provided but not defined: -o")]
    [InlineData("status -m openstack -o json", "ERROR option provided but not defined: -o")]
    [InlineData("status --format=json -m", "ERROR option needs an argument: -m")]
    [InlineData("export-bundle -m openstack extra", "ERROR unrecognized args: [\"extra\"]")]
    [InlineData("destroy-model --no-prompt", "ERROR no model specified")]
    [InlineData("destroy-model --no-prompt a b", "ERROR unrecognized args: [\"b\"]")]
    [InlineData("destroy-model --no-prompt --timeout 0s openstack", "ERROR --timeout can only be used with --force (dangerous)")]
    [InlineData("destroy-model --no-prompt --force --timeout soon openstack", "ERROR invalid value \"soon\" for option --timeout: time: invalid duration \"soon\"")]
    [InlineData("destroy-model --no-prompt --destroy-storage --release-storage openstack", "ERROR --destroy-storage and --release-storage cannot both be specified")]
    [InlineData("destroy-model --no-prompt --force=maybe openstack", "ERROR invalid boolean value \"maybe\" for option --force")]
    [InlineData("remove-machine -m openstack --no-prompt", "ERROR no machines specified")]
    [InlineData("remove-machine -m openstack --no-prompt 3 x", "ERROR invalid machine id \"x\"")]
    [InlineData("remove-machine -m openstack --no-prompt --no-wait 3", "ERROR --no-wait without --force not valid")]
    public async Task Usage_errors_exit_2_before_the_lab_is_asked(string command, string error)
    {
        await using var lab = await LabJujuHarness.StartAsync();
        var before = lab.Cloud.Events.Count;
        var run = await lab.RunAsync(command.Length == 0 ? [] : command.Split(' '));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(error + "\n", run.Stderr);
        Assert.Equal(before, lab.Cloud.Events.Count);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5m", 90)]
    [InlineData("500ms", 0.5)]
    [InlineData("0", 0)]
    public async Task Go_durations_are_read_as_juju_reads_them(string timeout, double seconds)
    {
        await using var lab = await LabJujuHarness.StartAsync(LabJujuTimings.Immediate);
        var run = await lab.RunAsync("destroy-model", "--no-prompt", "--destroy-storage", "--force", $"--timeout={timeout}", "openstack");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(lab.Cloud.Events, e => e.Message == $"destroy-model openstack --destroy-storage --force --timeout {seconds}s");
    }

    [Fact]
    public async Task Without_a_lab_in_the_environment_it_says_to_run_slate_lab_serve()
    {
        var run = await LabJujuHarness.RunAsync(new Dictionary<string, string?>(), "models", "--format=json");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("ERROR no lab to answer: SLATE_LAB_URL is not set. Run 'slate lab serve' and paste the export lines it prints into this shell.\n", run.Stderr);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_a_remote_lab_url_is_never_sent_the_token()
    {
        await using var lab = await LabJujuHarness.StartAsync();
        var wrong = new Dictionary<string, string?>(lab.Environment) { ["SLATE_LAB_TOKEN"] = "not-the-token" };
        var refused = await LabJujuHarness.RunAsync(wrong, "models", "--format=json");
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("ERROR the lab refused the request: SLATE_LAB_TOKEN is missing or wrong\n", refused.Stderr);

        var remote = new Dictionary<string, string?>(lab.Environment) { ["SLATE_LAB_URL"] = "http://10.0.0.1:5240/" };
        var run = await LabJujuHarness.RunAsync(remote, "models", "--format=json");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("ERROR SLATE_LAB_URL must point at the lab on this machine (127.0.0.1), not 10.0.0.1\n", run.Stderr);
        Assert.DoesNotContain(lab.Server.LabToken, refused.Stderr + run.Stderr);
    }

    [Fact]
    public async Task An_unreachable_lab_is_an_error_that_says_so()
    {
        LabJujuHarness lab = await LabJujuHarness.StartAsync();
        var environment = lab.Environment;
        await lab.DisposeAsync();
        var run = await LabJujuHarness.RunAsync(environment, "models", "--format=json");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"ERROR cannot reach the lab at {lab.Server.LabUrl}lab/juju/", run.Stderr);
        Assert.Contains("Is 'slate lab serve' still running?", run.Stderr);
    }
}
