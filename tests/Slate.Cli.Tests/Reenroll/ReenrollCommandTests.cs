using Slate.Cli.Tests.Teardown;
using Slate.Lab.Cloud;
using Slate.Runbook.Tests.Files;

namespace Slate.Cli.Tests.Reenroll;

/// <summary>Runbook Step 5 through the real CLI: MAAS over HTTP, the lab's hypervisor twin, the password from a file or the terminal.</summary>
public sealed class ReenrollCommandTests
{
    private static readonly string[] Hosts = ReenrollLab.Hosts;

    [Fact]
    public async Task After_the_teardown_four_creates_are_planned_apply_reaches_ready_with_fresh_ids_and_a_second_apply_writes_nothing()
    {
        await using var lab = await TeardownLab.StartAsync();
        var cloud = lab.Lab.Cloud;
        var password = cloud.Pods.Pod.PowerPassword;
        var before = Hosts.ToDictionary(h => h, h => cloud.Machines.FindByHostname(h)!.SystemId);
        var (torn, tornIo) = await lab.RunAsync("teardown", "--apply", "--confirm", "openstack");
        Assert.Equal(0, torn);
        var (early, earlyIo) = await lab.RunAsync("reenroll");
        Assert.Equal(4, early);
        Assert.Contains(earlyIo.Out, l => l.StartsWith("PRECONDITION networks: `slate networks prune` must come first", StringComparison.Ordinal));
        Assert.Contains(earlyIo.Out, l => l.StartsWith("PRECONDITION osd: `slate osd wipe` must come first", StringComparison.Ordinal));
        Assert.Equal(0, (await lab.RunAsync("networks", "prune", "--apply")).Code);
        Assert.Equal(0, (await lab.RunAsync("osd", "wipe", "--apply", "--confirm", "4")).Code);
        var passwordFile = Path.Combine(lab.Lab.Directory, "libvirt-password");
        File.WriteAllText(passwordFile, password + "\n");
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var writes = lab.MaasWrites().Count;

        var (planned, plan) = await lab.RunAsync("reenroll");

        Assert.Equal(0, planned);
        foreach (var host in Hosts)
            Assert.Contains($"{host} | defined | {BootMac(cloud, host)} | - | absent | create", plan.Out);
        Assert.Contains(plan.Out, l => l.StartsWith("Dry run: nothing was changed. Re-run with --apply to make these 5 change(s)", StringComparison.Ordinal));
        Assert.Contains(plan.Out, l => l.Contains("op=power_parameters", StringComparison.Ordinal) && l.Contains("Rotate the password", StringComparison.Ordinal));
        Assert.Equal(writes, lab.MaasWrites().Count);

        var (applied, io) = await lab.RunAsync("reenroll", "--apply", "--password-file", passwordFile);

        Assert.True(applied == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        Assert.Equal(Enumerable.Repeat("POST /MAAS/api/2.0/machines/ ", 4), lab.MaasWrites().Skip(writes));
        foreach (var host in Hosts)
        {
            var machine = cloud.Machines.FindByHostname(host)!;
            Assert.Equal(NodeStatus.Ready, machine.Status);
            Assert.NotEqual(before[host], machine.SystemId);
            Assert.Equal((host, password, cloud.Site.Libvirt.PowerAddress),
                (machine.PowerParameters["power_id"], machine.PowerParameters["power_pass"], machine.PowerParameters["power_address"]));
        }
        Assert.Contains("PASS — all 8 checks", io.Out);
        Assert.Equal(0, (await lab.RunAsync("gate", "reenroll")).Code);

        writes = lab.MaasWrites().Count;
        var journalled = File.ReadAllLines(lab.JournalPath).Length;
        var (again, io2) = await lab.RunAsync("reenroll", "--apply", "--password-file", passwordFile);

        Assert.Equal(0, again);
        Assert.Contains("Nothing to do: the cloud is already where this step leads.", io2.Out);
        Assert.All(Hosts, h => Assert.Contains(io2.Out, l => l.StartsWith($"{h} | defined | ", StringComparison.Ordinal) && l.EndsWith(" | Ready | pinned", StringComparison.Ordinal)));
        Assert.Equal(writes, lab.MaasWrites().Count);
        Assert.Equal(journalled, File.ReadAllLines(lab.JournalPath).Length);

        var runFolder = Path.GetDirectoryName(lab.JournalPath)!;
        var everything = new[] { tornIo, plan, io, io2 }.SelectMany(o => o.Out.Concat(o.Errors))
            .Concat(Directory.EnumerateFiles(runFolder, "*", SearchOption.AllDirectories).Select(File.ReadAllText))
            .Concat(lab.JujuCalls());
        Assert.DoesNotContain(everything, text => text.Contains(password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lost_create_answer_is_resolved_by_mac_and_leaves_no_duplicate()
    {
        await using var lab = await ReenrollLab.StartAsync("lost=0.3", "seed=3");

        var (code, io) = await lab.RunAsync("reenroll", "--apply", "--password-file", lab.PasswordFile());

        Assert.True(code == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        var lostCreates = lab.Cloud.Events.Count(e => e.Source == "fault" && e.Message.StartsWith("lost the response to POST machines/", StringComparison.Ordinal));
        Assert.True(lostCreates > 0, "the seed should lose the answer to a create");
        Assert.Equal(4, lab.Creates);
        Assert.All(Hosts, h => Assert.Single(lab.Cloud.Machines, m => m.Hostname == h));
        Assert.Equal(lostCreates, io.Out.Count(l => l.Contains("the answer was lost, MAAS has it: adopted", StringComparison.Ordinal)));
    }

    /// <summary>
    /// A host ending in Failed commissioning, or in Failed testing (metadataserver/api.py (3.7) _process_testing: a
    /// failing test script), exits 3 naming it with MAAS's status, while the others are Ready.
    /// </summary>
    [Theory]
    [InlineData("fail-commissioning", "openstack2", "Failed commissioning", "openstack3")]
    [InlineData("fail-testing", "openstack1", "Failed testing", "openstack2")]
    public async Task A_host_failing_commissioning_or_testing_exits_3_naming_it_with_maas_status(string fault, string host, string status, string fine)
    {
        await using var lab = await ReenrollLab.StartAsync($"{fault}={host}");

        var (code, io) = await lab.RunAsync("reenroll", "--apply", "--password-file", lab.PasswordFile());

        Assert.Equal(3, code);
        var failed = Assert.Single(io.Out, l => l.StartsWith("FAIL  ", StringComparison.Ordinal));
        Assert.StartsWith($"FAIL  ready          {host}: ", failed, StringComparison.Ordinal);
        // the lab's status message is the status itself, so it is not repeated (ReenrollApplyTests shows a longer one)
        Assert.EndsWith($"{lab.Cloud.Machines.FindByHostname(host)!.SystemId} {status} (expected Ready)", failed, StringComparison.Ordinal);
        Assert.Equal(NodeStatus.Ready, lab.Cloud.Machines.FindByHostname(fine)!.Status);
    }

    /// <summary>
    /// A wrong password: MAAS answers the creates with Commissioning, cannot power the hosts and puts them back to New
    /// (models/node.py _start_bmc_unavailable). The step stops at the poll that sees it, exit 3 naming the cause and the
    /// fix; the re-run with the right password sets each machine's power and commissions it: no machine is created twice.
    /// </summary>
    [Fact]
    public async Task A_wrong_password_ends_red_at_once_naming_the_fix_and_the_re_run_sets_the_power_and_commissions_each_host()
    {
        await using var lab = await ReenrollLab.StartAsync();

        var (code, io) = await lab.RunAsync("reenroll", "--apply", "--password-file", lab.PasswordFile(content: "not-it\n"));

        Assert.Equal(3, code);
        Assert.Contains(io.Out, l => l.Contains("MAAS could not power openstack0, openstack1, openstack2, openstack3 and aborted commissioning", StringComparison.Ordinal)
            && l.Contains("re-run `slate reenroll --apply`", StringComparison.Ordinal));
        Assert.Equal(4, io.Out.Count(l => l.StartsWith("FAIL  ready ", StringComparison.Ordinal) && l.Contains("Please check power credentials.", StringComparison.Ordinal)));
        Assert.Contains(io.Out, l => l.Contains(" openstack2   ", StringComparison.Ordinal) && l.Contains(" New (Failed to query node's BMC - ", StringComparison.Ordinal));
        var ids = Hosts.ToDictionary(h => h, h => lab.Cloud.Machines.FindByHostname(h)!.SystemId);
        var writes = lab.Server.Requests.Count(r => r.Method != "GET");

        var (plannedCode, plan) = await lab.RunAsync("reenroll");
        var (fixedCode, fixedIo) = await lab.RunAsync("reenroll", "--apply", "--password-file", lab.PasswordFile());

        Assert.Equal(0, plannedCode);
        Assert.All(Hosts, h => Assert.Contains(plan.Out, l => l.StartsWith($"{h} | defined | ", StringComparison.Ordinal) && l.EndsWith($" | {ids[h]} | New | re-power, commission", StringComparison.Ordinal)));
        Assert.True(fixedCode == 0, string.Join('\n', fixedIo.Out.Concat(fixedIo.Errors)));
        Assert.Equal(Hosts.SelectMany(h => new[] { $"PUT machines/{ids[h]}/ ", $"POST machines/{ids[h]}/ commission" }),
            lab.Server.Requests.Where(r => r.Method != "GET").Skip(writes).Select(r => $"{r.Method} {r.Path[(r.Path.IndexOf("machines/", StringComparison.Ordinal))..]} {r.Op}"));
        Assert.All(Hosts, h => Assert.Equal((ids[h], NodeStatus.Ready), (lab.Cloud.Machines.FindByHostname(h)!.SystemId, lab.Cloud.Machines.FindByHostname(h)!.Status)));
        Assert.Equal(4, lab.Creates);
    }

    [Fact]
    public async Task A_missing_domain_refuses_with_nothing_created_and_no_password_asked()
    {
        await using var lab = await ReenrollLab.StartAsync();
        lab.Cloud.Hypervisor.UndefineWithStorage("openstack1");
        var io = new RecordingInteraction();

        var (code, _) = await lab.RunAsync(lab.Context(io), "reenroll", "--apply");

        // Step 3's gate keeps every host's domain, so the runbook's order refuses first; the plan still says why.
        Assert.Equal(4, code);
        Assert.Contains(io.Out, l => l.StartsWith("FATAL   openstack1: the hypervisor has no domain of this name", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("PRECONDITION networks: `slate networks prune` must come first", StringComparison.Ordinal) && l.Contains("host-kept openstack1", StringComparison.Ordinal));
        Assert.Contains("Refused: a precondition does not hold; nothing was changed.", io.Out);
        Assert.Equal(0, lab.Creates);
        Assert.Empty(io.Prompts);
    }

    [Fact]
    public async Task Without_a_file_the_password_is_asked_once_without_echo_and_never_shown_even_in_json()
    {
        await using var lab = await ReenrollLab.StartAsync();
        var io = new RecordingInteraction();
        io.Secrets.Enqueue(lab.Password);

        var (code, _) = await lab.RunAsync(lab.Context(io), "reenroll", "--apply", "--json");

        Assert.True(code == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        Assert.Equal(["libvirt SSH password MAAS powers the hosts with (not shown)"], io.Prompts);
        Assert.Equal(4, lab.Creates);
        Assert.Contains("\"power_parameters\"", io.OutText, StringComparison.Ordinal);
        Assert.DoesNotContain(io.Out.Concat(io.Errors).Append(File.ReadAllText(lab.JournalPath)), t => t.Contains(lab.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_no_terminal_and_no_file_nothing_is_created()
    {
        await using var lab = await ReenrollLab.StartAsync();

        var (code, io) = await lab.RunAsync("reenroll", "--apply");

        Assert.Equal(1, code);
        Assert.Equal(0, lab.Creates);
        Assert.Contains(io.Out, l => l.Contains("no libvirt SSH password was given", StringComparison.Ordinal) && l.Contains("--password-file", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("group-readable", "mode 640 lets others at it; chmod 600 it")]
    [InlineData("world-readable", "mode 644 lets others at it; chmod 600 it")]
    [InlineData("directory", "is a directory, not a regular file")]
    [InlineData("symlink", "is a symbolic link, not a regular file")]
    [InlineData("fifo", "is a FIFO, not a regular file")]
    [InlineData("empty", "the file is empty")]
    [InlineData("missing", "file not found")]
    public async Task A_password_file_others_could_read_or_that_is_not_a_plain_file_is_refused_before_anything_runs(string kind, string problem)
    {
        await using var lab = await ReenrollLab.StartAsync();
        using var special = new SpecialFiles();
        var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var path = kind switch
        {
            "group-readable" => lab.PasswordFile(owner | UnixFileMode.GroupRead),
            "world-readable" => lab.PasswordFile(owner | UnixFileMode.GroupRead | UnixFileMode.OtherRead),
            "directory" => Directory.CreateDirectory(Path.Combine(lab.Directory, "secrets")).FullName,
            "symlink" => File.CreateSymbolicLink(Path.Combine(lab.Directory, "link"), lab.PasswordFile()).FullName,
            "fifo" => special.Fifo(),
            "empty" => lab.PasswordFile(content: "\n"),
            _ => Path.Combine(lab.Directory, "nowhere"),
        };

        // Off the test's thread, with a generous bound: a read that blocks on the file fails instead of hanging the run.
        var run = Task.Run(() => lab.RunAsync("reenroll", "--apply", "--password-file", path));
        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))) == run, "slate blocked on the password file");
        var (code, io) = await run;

        Assert.Equal(2, code);
        Assert.Equal($"slate: --password-file {path}: {problem}", Assert.Single(io.Errors));
        Assert.Empty(io.Out);
        Assert.Equal(0, lab.Creates);
        Assert.DoesNotContain(lab.Password, io.Errors[0], StringComparison.Ordinal);
    }

    private static string BootMac(LabCloud cloud, string host) => cloud.Hypervisor.NicsOf(host).Single(n => n.Network == "metal-admin").Mac;
}
