using System.Text.Json;
using Slate.Cli.Tests.Teardown;
using Slate.Runbook.Ports;

namespace Slate.Cli.Tests.HypervisorSteps;

/// <summary>Runbook Steps 3 and 4 through the real CLI on the lab: MAAS over HTTP, juju as a process, the hypervisor twin.</summary>
public sealed class HypervisorStepsCommandTests
{
    private static readonly string[] Hosts = ["openstack0", "openstack1", "openstack2", "openstack3"];

    private static async Task<TeardownLab> TornDownAsync()
    {
        var lab = await TeardownLab.StartAsync();
        var (code, io) = await lab.RunAsync("teardown", "--apply", "--confirm", "openstack");
        Assert.True(code == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        return lab;
    }

    private static IReadOnlyList<string> Events(TeardownLab lab, string step) =>
        File.ReadAllLines(lab.JournalPath).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("step").GetString() == step).Select(e => e.GetProperty("event").GetString()!).ToList();

    [Fact]
    public async Task After_the_teardown_networks_prune_then_osd_wipe_apply_their_gates_hold_and_reruns_plan_nothing()
    {
        await using var lab = await TornDownAsync();
        var hypervisor = lab.Lab.Cloud.Hypervisor;
        var os = await hypervisor.FindVolumeAsync("/var/lib/libvirt/images/openstack1.qcow2", CancellationToken.None);

        var (prune, pruneIo) = await lab.RunAsync("networks", "prune", "--apply");
        var (wipe, wipeIo) = await lab.RunAsync("osd", "wipe", "--apply", "--confirm", "4");

        Assert.True(prune == 0, string.Join('\n', pruneIo.Out));
        Assert.True(wipe == 0, string.Join('\n', wipeIo.Out));
        Assert.Contains("PASS — all 10 checks", pruneIo.Out);
        Assert.Contains("PASS — all 16 checks", wipeIo.Out);
        var wipeRun = File.ReadLines(lab.JournalPath).Select(l => JsonDocument.Parse(l).RootElement).Last(e => e.GetProperty("step").GetString() == "osd").GetProperty("run").GetString();
        Assert.Contains(wipeIo.Out, l => l.StartsWith($"Compared with the baseline journalled by run {wipeRun} at ", StringComparison.Ordinal));
        Assert.Null(await hypervisor.FindNetworkAsync("8_lbaas", CancellationToken.None));
        Assert.All(Hosts, h => Assert.Equal(5, hypervisor.NicsOf(h).Count));
        foreach (var host in Hosts)
        {
            var osd = (await hypervisor.FindVolumeAsync($"/var/lib/libvirt/images/{host}-1.qcow2", CancellationToken.None))!;
            Assert.Equal(("1.1", 512L << 30, "root", Convert.ToInt32("600", 8)), (osd.Compat, osd.CapacityBytes, osd.Owner.User, osd.Mode));
        }
        Assert.Equal(os, await hypervisor.FindVolumeAsync("/var/lib/libvirt/images/openstack1.qcow2", CancellationToken.None));
        // The five backups (the network and four domains) each journal the file they wrote before they are done.
        Assert.Equal(["plan", .. Enumerable.Repeat(new[] { "started", "capture", "done" }, 5).SelectMany(p => p),
            .. Enumerable.Repeat(new[] { "started", "done" }, 6).SelectMany(p => p), "gate"], Events(lab, "networks"));
        Assert.Equal(["confirmed", "plan", "started", "done", "started", "done", "started", "done", "started", "done", "gate"], Events(lab, "osd"));
        var run = Directory.GetDirectories(Path.Combine(Path.GetDirectoryName(lab.JournalPath)!, "runs"))
            .Single(d => File.Exists(Path.Combine(d, "8_lbaas-net.xml")));
        Assert.Equal(["8_lbaas-net.xml", .. Hosts.Select(h => $"{h}-domain.xml")], Directory.GetFiles(run).Select(Path.GetFileName).Order());

        var (gateNetworks, _) = await lab.RunAsync("gate", "networks");
        var (gateOsd, _) = await lab.RunAsync("gate", "osd");
        var (again, againIo) = await lab.RunAsync("networks", "prune", "--apply");
        var (wipeAgain, wipeAgainIo) = await lab.RunAsync("osd", "wipe", "--apply");

        Assert.Equal((0, 0, 0, 0), (gateNetworks, gateOsd, again, wipeAgain));
        Assert.Contains("Nothing to do: the cloud is already where this step leads.", againIo.Out);
        Assert.Contains("Nothing to do: the cloud is already where this step leads.", wipeAgainIo.Out);
        Assert.Empty(wipeAgainIo.Prompts);
    }

    [Fact]
    public async Task Before_the_teardown_both_are_refused_with_exit_4_and_nothing_changed()
    {
        await using var lab = await TeardownLab.StartAsync();
        var hypervisor = lab.Lab.Cloud.Hypervisor;

        var (prune, pruneIo) = await lab.RunAsync("networks", "prune", "--apply");
        var (wipe, wipeIo) = await lab.RunAsync("osd", "wipe", "--apply", "--confirm", "4");

        Assert.Equal((4, 4), (prune, wipe));
        Assert.Contains("Refused: a precondition does not hold; nothing was changed.", pruneIo.Out);
        var refusal = Assert.Single(wipeIo.Out, l => l.StartsWith("PRECONDITION", StringComparison.Ordinal));
        Assert.StartsWith("PRECONDITION teardown: `slate teardown` must come first: its gate does not hold yet (host-gone openstack0:", refusal);
        Assert.True(await hypervisor.FindNetworkAsync("8_lbaas", CancellationToken.None) is { Active: true });
        Assert.Equal(137L << 30, (await hypervisor.FindVolumeAsync("/var/lib/libvirt/images/openstack2-1.qcow2", CancellationToken.None))?.AllocationBytes);
        Assert.False(File.Exists(lab.JournalPath));
    }

    [Fact]
    public async Task A_wrong_disk_count_is_refused_with_exit_4_and_json_says_so()
    {
        await using var lab = await TornDownAsync();

        var (code, io) = await lab.RunAsync("osd", "wipe", "--apply", "--confirm", "3", "--json");

        Assert.Equal(4, code);
        var document = JsonDocument.Parse(string.Join('\n', io.Out)).RootElement;
        Assert.Equal(4, document.GetProperty("exit_code").GetInt32());
        Assert.Equal(4, document.GetProperty("actions").GetArrayLength());
        Assert.Equal(137L << 30, (await lab.Lab.Cloud.Hypervisor.FindVolumeAsync("/var/lib/libvirt/images/openstack0-1.qcow2", CancellationToken.None))?.AllocationBytes);
        Assert.DoesNotContain("started", Events(lab, "osd"));
    }

    [Fact]
    public void The_help_of_networks_prune_says_how_to_restore_from_the_backups_and_both_steps_have_a_gate()
    {
        var root = SlateApp.BuildRoot(CliContext.Production(new RecordingInteraction(), new Dictionary<string, string?>()));

        var help = root.Subcommands.Single(c => c.Name == "networks").Subcommands.Single(c => c.Name == "prune").Description;
        var gates = root.Subcommands.Single(c => c.Name == "gate").Subcommands.Select(c => c.Name);

        Assert.Contains("`virsh net-define FILE`", help, StringComparison.Ordinal);
        Assert.Contains("`virsh define FILE`", help, StringComparison.Ordinal);
        Assert.Contains("networks", gates);
        Assert.Contains("osd", gates);
        Assert.Contains(root.Subcommands.Single(c => c.Name == "osd").Subcommands.Single(c => c.Name == "wipe").Options, o => o.Name == "--confirm");
    }
}
