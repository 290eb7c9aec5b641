using System.Text.Json;
using Slate.Runbook.Ports;

namespace Slate.Cli.Tests.Teardown;

/// <summary>Runbook Step 2 through the real CLI: MAAS over HTTP, juju as a process, the lab's hypervisor twin.</summary>
public sealed class TeardownCommandTests
{
    private static readonly string[] Hosts = ["openstack0", "openstack1", "openstack2", "openstack3"];

    [Fact]
    public async Task The_dry_run_resolves_the_targets_live_and_changes_nothing()
    {
        await using var lab = await TeardownLab.StartAsync();

        var (code, io) = await lab.RunAsync("teardown");

        Assert.Equal(0, code);
        foreach (var host in Hosts)
        {
            var id = lab.Lab.Cloud.Machines.FindByHostname(host)!.SystemId;
            Assert.Contains(io.Out, l => l.StartsWith($"{host} | host | {id} | Deployed | ", StringComparison.Ordinal) && l.EndsWith(" | decompose", StringComparison.Ordinal));
        }
        Assert.Contains(io.Out, l => l.StartsWith("capi-mgmt | orphan | ", StringComparison.Ordinal) && l.EndsWith(" | delete", StringComparison.Ordinal));
        foreach (var name in new[] { "juju", "lxd", "tailscale" })
            Assert.Contains(io.Out, l => l.StartsWith($"{name} | protected | ", StringComparison.Ordinal) && l.EndsWith(" | EXCLUDED (protected)", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("Dry run: nothing was changed. Re-run with --apply to make these 3 change(s)", StringComparison.Ordinal));
        Assert.Empty(lab.MaasWrites());
        Assert.Equal(["status -m caracal-maas:openstack --format=json"], lab.JujuCalls().Select(Unprefixed));
        Assert.False(File.Exists(lab.JournalPath));
    }

    [Fact]
    public async Task Apply_destroys_the_model_deletes_the_orphan_and_the_gate_holds_then_a_second_apply_writes_nothing()
    {
        await using var lab = await TeardownLab.StartAsync();
        var protectedIds = new[] { "juju", "lxd", "tailscale" }.Select(n => lab.Lab.Cloud.Machines.FindByHostname(n)!.SystemId).ToList();
        var capi = lab.Lab.Cloud.Machines.FindByHostname("capi-mgmt")!.SystemId;

        var (code, io) = await lab.RunAsync("teardown", "--apply", "--confirm", "openstack");

        Assert.True(code == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        Assert.Equal(
        [
            "status -m caracal-maas:openstack --format=json",
            "export-bundle -m caracal-maas:openstack",
            "status -m caracal-maas:openstack --format=json",
            "destroy-model --no-prompt --destroy-storage caracal-maas:openstack",
            "status -m caracal-maas:openstack --format=json",
        ], lab.JujuCalls().Select(Unprefixed));
        Assert.Equal([$"DELETE /MAAS/api/2.0/machines/{capi}/ "], lab.MaasWrites());
        Assert.Empty(lab.Lab.Server.Violations);
        Assert.DoesNotContain(lab.Lab.Server.Requests, r => r.Method != "GET" && protectedIds.Any(id => r.Path.Contains(id, StringComparison.Ordinal)));
        Assert.False(lab.ModelExists());
        Assert.All(Hosts, h => Assert.Null(lab.Lab.Cloud.Machines.FindByHostname(h)));
        Assert.All(Hosts, h => Assert.Equal(DomainState.ShutOff, lab.Lab.Cloud.Hypervisor.StateOf(h)));
        Assert.Contains("PASS — all 22 checks", io.Out);

        var writes = lab.MaasWrites().Count;
        var calls = lab.JujuCalls().Count;
        var journalled = File.ReadAllLines(lab.JournalPath).Length;
        var (again, io2) = await lab.RunAsync("teardown", "--apply", "--confirm", "openstack");

        Assert.Equal(0, again);
        Assert.Contains("Nothing to do: the cloud is already where this step leads.", io2.Out);
        Assert.Equal(writes, lab.MaasWrites().Count);
        Assert.Equal(calls + 1, lab.JujuCalls().Count);
        Assert.Equal(journalled, File.ReadAllLines(lab.JournalPath).Length);
    }

    [Fact]
    public async Task The_journal_records_each_action_before_and_after_it_ran_and_the_hosts_ids()
    {
        await using var lab = await TeardownLab.StartAsync();
        var ids = Hosts.ToDictionary(h => h, h => lab.Lab.Cloud.Machines.FindByHostname(h)!.SystemId);

        var (code, _) = await lab.RunAsync("teardown", "--apply", "--confirm", "openstack");

        Assert.Equal(0, code);
        var entries = File.ReadAllLines(lab.JournalPath).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["confirmed", "plan", "started", "capture", "capture", "done", "started", "done", "started", "done", "gate"], entries.Select(e => e.GetProperty("event").GetString()));
        Assert.All(entries, e => Assert.Equal("teardown", e.GetProperty("step").GetString()));
        Assert.All(entries, e => Assert.Equal("caracal-testcloud", e.GetProperty("cloud").GetString()));
        Assert.All(entries, e => Assert.Contains("@", e.GetProperty("by").GetString()));
        var plan = entries[1];
        Assert.All(Hosts, h => Assert.Equal(ids[h], plan.GetProperty("arguments").GetProperty($"host:{h}").GetString()));
        Assert.Equal(["capture-model", "destroy-model", "delete-machine"],
            entries.Where(e => e.GetProperty("event").GetString() == "started").Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("green", entries[^1].GetProperty("detail").GetString());
        Assert.Single(entries.Select(e => e.GetProperty("fingerprint").GetString()).Distinct());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(lab.JournalPath));
        var runs = Directory.GetDirectories(Path.Combine(Path.GetDirectoryName(lab.JournalPath)!, "runs"));
        var captured = Directory.GetFiles(Assert.Single(runs)).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["openstack-export-bundle.yaml", "openstack-status.json"], captured);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(runs[0]));
    }

    [Theory]
    [InlineData("--confirm", "opensatck")]
    [InlineData("--confirm", "")]
    public async Task A_wrong_confirmation_is_refused_with_exit_4_and_changes_nothing(string flag, string value)
    {
        await using var lab = await TeardownLab.StartAsync();

        var (code, io) = await lab.RunAsync("teardown", "--apply", flag, value);

        Assert.Equal(4, code);
        Assert.Contains(io.Out, l => l.StartsWith($"Refused: '{value}' is not 'openstack'; nothing was changed.", StringComparison.Ordinal));
        Assert.Empty(lab.MaasWrites());
        Assert.True(lab.ModelExists());
        Assert.DoesNotContain(lab.JujuCalls(), c => !c.Contains("status", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_terminal_and_without_confirm_apply_is_refused_with_exit_4()
    {
        await using var lab = await TeardownLab.StartAsync();
        var io = new RecordingInteraction();

        var (code, _) = await lab.RunAsync(lab.Context(io), "teardown", "--apply");

        Assert.Equal(4, code);
        Assert.Contains(io.Out, l => l.StartsWith("Refused: no terminal to confirm on. Pass --confirm 'openstack'", StringComparison.Ordinal));
        Assert.Single(io.Prompts);
        Assert.Empty(lab.MaasWrites());
        Assert.True(lab.ModelExists());
    }

    [Fact]
    public async Task The_operator_types_the_model_name_at_a_prompt_that_names_every_target()
    {
        await using var lab = await TeardownLab.StartAsync();
        var capi = lab.Lab.Cloud.Machines.FindByHostname("capi-mgmt")!.SystemId;
        var io = new RecordingInteraction();
        io.Answers.Enqueue("openstack");

        var (code, _) = await lab.RunAsync(lab.Context(io), "teardown", "--apply");

        Assert.Equal(0, code);
        var prompt = Assert.Single(io.Prompts);
        Assert.StartsWith("This DESTROYS (irreversible): model openstack with openstack0 ", prompt, StringComparison.Ordinal);
        Assert.Contains($"delete-machine capi-mgmt ({capi})", prompt, StringComparison.Ordinal);
        Assert.EndsWith("Type the model name to continue", prompt, StringComparison.Ordinal);
        Assert.False(lab.ModelExists());
    }

    [Fact]
    public async Task The_wrong_cloud_is_refused_before_juju_or_the_hypervisor_is_read()
    {
        await using var lab = await TeardownLab.StartAsync();
        var other = Path.Combine(lab.Lab.Directory, "roosevelt.yaml");
        await File.WriteAllTextAsync(other, (await File.ReadAllTextAsync(lab.SitePath))
            .Replace("maas_name: caracal-testcloud", "maas_name: roosevelt", StringComparison.Ordinal));

        var (code, io) = await CliHarness.RunAsync(lab.Context(), "teardown", "--apply", "--confirm", "openstack", "--site", other, "--journal", lab.JournalPath);

        Assert.Equal(4, code);
        Assert.Contains("calls itself 'caracal-testcloud' but the site file expects 'roosevelt'", Assert.Single(io.Errors));
        Assert.Single(lab.Lab.Server.Requests);
        Assert.Empty(lab.JujuCalls());
        Assert.True(lab.ModelExists());
    }

    [Fact]
    public async Task A_site_listing_a_protected_machine_as_an_orphan_is_refused_before_anything_is_read()
    {
        await using var lab = await TeardownLab.StartAsync();
        var site = Path.Combine(lab.Lab.Directory, "careless.yaml");
        await File.WriteAllTextAsync(site, (await File.ReadAllTextAsync(lab.SitePath))
            .Replace("orphans: [capi-mgmt]", "orphans: [capi-mgmt, juju]", StringComparison.Ordinal));

        var (code, io) = await CliHarness.RunAsync(lab.Context(), "teardown", "--apply", "--confirm", "openstack", "--site", site, "--journal", lab.JournalPath);

        Assert.Equal(2, code);
        Assert.Matches(@"^slate: careless\.yaml:\d+: protected: .juju. is protected", Assert.Single(io.Errors));
        Assert.Empty(lab.Lab.Server.Requests);
        Assert.True(lab.ModelExists());
    }

    [Fact]
    public async Task A_decompose_that_deleted_a_domain_turns_the_gate_red_naming_it()
    {
        await using var lab = await TeardownLab.StartAsync();
        var (applied, _) = await lab.RunAsync("teardown", "--apply", "--confirm", "openstack");
        Assert.Equal(0, applied);
        lab.Lab.Cloud.Hypervisor.UndefineWithStorage("openstack2");

        var (code, io) = await lab.RunAsync("gate", "teardown");

        Assert.Equal(3, code);
        Assert.Contains("FAIL  domain-off     openstack2: no such domain: re-enrolment needs it (expected domain defined, shut off)", io.Out);
        Assert.Contains("FAIL — 1 of 22 checks failed", io.Out);
    }

    /// <summary>A decompose the rack could not make (decompose-fails): the machine left MAAS, its VM still runs, the gate names it.</summary>
    [Fact]
    public async Task A_failed_decompose_leaves_the_domain_running_and_the_gate_red_naming_it()
    {
        await using var lab = await TeardownLab.StartAsync("decompose-fails=openstack2");

        var (code, io) = await lab.RunAsync("teardown", "--apply", "--confirm", "openstack");

        Assert.Equal(3, code);
        Assert.Null(lab.Lab.Cloud.Machines.FindByHostname("openstack2"));
        Assert.Contains("PASS  host-gone      openstack2: absent", io.Out);
        Assert.Contains("FAIL  domain-off     openstack2: running (expected domain defined, shut off)", io.Out);
        Assert.Contains("FAIL — 1 of 22 checks failed", io.Out);
    }

    /// <summary>
    /// Juju's container devices that survive destroy-model (the leftover-devices fault) turn the gate red, one line each
    /// with the command that deletes it, and pre-flight warns of them; deleted, the gate holds.
    /// </summary>
    [Fact]
    public async Task Container_devices_left_behind_turn_the_gate_red_each_with_its_delete_command_and_preflight_warns()
    {
        await using var lab = await TeardownLab.StartAsync("leftover-devices=openstack1");
        var left = lab.Lab.Cloud.Devices.All.Where(d => d.Parent is null).ToList();
        Assert.Equal(3, left.Count);

        var (code, io) = await lab.RunAsync("teardown", "--apply", "--confirm", "openstack");

        Assert.Equal(3, code);
        Assert.Contains(io.Out, l => l.StartsWith($"  {left[0].Hostname} | container | {left[0].SystemId} | device | 1/lxd/0 | - | goes with the model", StringComparison.Ordinal));
        foreach (var device in left)
            Assert.Contains($"FAIL  device-gone    {device.Hostname}: device {device.SystemId} still holds {string.Join(", ", device.Addresses.Select(a => a.Ip))}: " +
                $"maas $PROFILE device delete {device.SystemId} (expected not in MAAS)", io.Out);
        Assert.Contains("FAIL — 3 of 22 checks failed", io.Out);
        var (preflight, warned) = await CliHarness.RunAsync(lab.Context(), "preflight", "--site", lab.SitePath);
        Assert.True(preflight == 0, string.Join('\n', warned.Out.Concat(warned.Errors)));
        Assert.Equal(3, warned.Out.Count(l => l.StartsWith("WARNING ", StringComparison.Ordinal) && l.Contains("maas $PROFILE device delete", StringComparison.Ordinal)));

        foreach (var device in left)
            lab.Lab.Cloud.Devices.Delete(device.SystemId);
        var (gate, green) = await lab.RunAsync("gate", "teardown");

        Assert.True(gate == 0, string.Join('\n', green.Out));
    }

    [Fact]
    public async Task A_lingering_machine_is_named_and_forced_out_only_behind_the_second_typed_confirmation()
    {
        await using var lab = await TeardownLab.StartAsync("lingering=openstack2");

        var (code, io) = await lab.RunAsync("teardown", "--apply", "--confirm", "openstack", "--confirm", "force openstack", "--wait", "3s");

        Assert.True(code == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        Assert.Contains(io.Out, l => l.Contains("done: model openstack still dying after 3s: machine 2 (", StringComparison.Ordinal));
        var calls = lab.JujuCalls().Select(Unprefixed).Where(c => !c.StartsWith("status", StringComparison.Ordinal) && !c.StartsWith("export", StringComparison.Ordinal)).ToList();
        Assert.Equal(["destroy-model --no-prompt --destroy-storage caracal-maas:openstack", "remove-machine -m caracal-maas:openstack --no-prompt --force 2",
            "destroy-model --no-prompt --destroy-storage caracal-maas:openstack"], calls);
        Assert.False(lab.ModelExists());
        Assert.Contains("PASS — all 22 checks", io.Out);
    }

    [Fact]
    public async Task Without_the_second_confirmation_a_lingering_machine_is_left_alone_and_the_run_is_refused()
    {
        await using var lab = await TeardownLab.StartAsync("lingering=openstack2");

        var (code, io) = await lab.RunAsync("teardown", "--apply", "--confirm", "openstack", "--wait", "3s");

        Assert.Equal(4, code);
        Assert.Contains(io.Out, l => l.StartsWith("Refused: 'openstack' is not 'force openstack'", StringComparison.Ordinal));
        Assert.DoesNotContain(lab.JujuCalls(), c => c.Contains("--force", StringComparison.Ordinal));
        Assert.True(lab.ModelExists());
        Assert.Contains(io.Out, l => l.StartsWith("FAIL  model-gone     openstack: present", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_release_canary_removes_the_first_host_keeping_its_instance_and_stops()
    {
        await using var lab = await TeardownLab.StartAsync();
        var id = lab.Lab.Cloud.Machines.FindByHostname("openstack0")!.SystemId;

        var (code, io) = await lab.RunAsync("teardown", "--path", "release", "--canary", "--apply", "--confirm", "openstack");

        Assert.True(code == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        Assert.Contains(lab.JujuCalls().Select(Unprefixed), c => c == "remove-machine -m caracal-maas:openstack --no-prompt --keep-instance --force 0");
        Assert.DoesNotContain(lab.JujuCalls(), c => c.Contains("destroy-model", StringComparison.Ordinal));
        Assert.Empty(lab.MaasWrites());
        Assert.Equal(id, lab.Lab.Cloud.Machines.FindByHostname("openstack0")!.SystemId);
        Assert.True(lab.ModelExists());
        Assert.Contains(io.Out, l => l.Contains("NOT a route into phase-01", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PASS  host-survived  openstack0: Deployed, system_id " + id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_release_path_keeps_every_host_deployed_removes_the_model_and_the_orphan()
    {
        await using var lab = await TeardownLab.StartAsync();
        var ids = Hosts.ToDictionary(h => h, h => lab.Lab.Cloud.Machines.FindByHostname(h)!.SystemId);

        var (code, io) = await lab.RunAsync("teardown", "--path", "release", "--apply", "--confirm", "openstack");

        Assert.True(code == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        Assert.Contains("destroy-model --no-prompt --release-storage caracal-maas:openstack", lab.JujuCalls().Select(Unprefixed));
        Assert.All(Hosts, h => Assert.Equal(ids[h], lab.Lab.Cloud.Machines.FindByHostname(h)!.SystemId));
        Assert.All(Hosts, h => Assert.Equal("Deployed", lab.Lab.Cloud.Machines.FindByHostname(h)!.Status.ToString()));
        Assert.False(lab.ModelExists());
        Assert.Null(lab.Lab.Cloud.Machines.FindByHostname("capi-mgmt"));
    }

    [Fact]
    public async Task Json_output_is_one_document_with_the_plan_the_outcomes_and_the_gate()
    {
        await using var lab = await TeardownLab.StartAsync();
        var io = new RecordingInteraction();

        var (code, _) = await lab.RunAsync(lab.Context(io), "teardown", "--apply", "--confirm", "openstack", "--json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(Assert.Single(io.Out));
        var root = doc.RootElement;
        Assert.Equal("teardown", root.GetProperty("step").GetString());
        Assert.Equal("apply", root.GetProperty("mode").GetString());
        Assert.Equal(["done", "done", "done"], root.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("outcome").GetString()));
        Assert.True(root.GetProperty("gate").GetProperty("green").GetBoolean());
        Assert.All(io.Errors, e => Assert.Matches(@"^\d\d:\d\d:\d\d ", e));
    }

    private static string Unprefixed(string argv) => argv.StartsWith("lab juju ", StringComparison.Ordinal) ? argv["lab juju ".Length..] : argv;
}
