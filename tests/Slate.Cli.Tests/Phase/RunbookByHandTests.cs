using System.Text.Json;
using Slate.Cli.Tests.Reenroll;
using Slate.Cli.Tests.Teardown;

namespace Slate.Cli.Tests.Phase;

/// <summary>
/// The runbook run by hand, step by step as the README says, against the lab (MAAS over HTTP, juju as a process):
/// `slate status` names the right next command at every point, an out-of-order step is refused, the exit gate ends
/// green, and re-running every apply afterwards writes nothing.
/// </summary>
public sealed class RunbookByHandTests
{
    private static async Task<string> NextAsync(TeardownLab lab)
    {
        var (code, io) = await lab.RunAsync("status", "--json");
        Assert.True(code == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        using var status = JsonDocument.Parse(io.OutText);
        return status.RootElement.GetProperty("next_command").GetString()!;
    }

    private static async Task ApplyAsync(TeardownLab lab, params string[] args)
    {
        var (code, io) = await lab.RunAsync(args);
        Assert.True(code == 0, $"{string.Join(' ', args)}:\n{string.Join('\n', io.Out.Concat(io.Errors))}");
    }

    [Fact]
    public async Task Status_leads_through_every_step_to_a_green_exit_gate_and_a_second_pass_writes_nothing()
    {
        await using var lab = await TeardownLab.StartAsync();
        var password = Path.Combine(lab.Lab.Directory, "libvirt-password");
        File.WriteAllText(password, lab.Lab.Cloud.Pods.Pod.PowerPassword + "\n");
        File.SetUnixFileMode(password, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        string[] hosts = ["openstack0", "openstack1", "openstack2", "openstack3"];
        string[][] applies =
        [
            ["teardown", "--apply", "--confirm", "openstack"],
            ["networks", "prune", "--apply"],
            ["osd", "wipe", "--apply", "--confirm", "4"],
            ["reenroll", "--apply", "--password-file", password],
            .. hosts.Select(h => new[] { "carve", h, "--apply", "--confirm", h }),
        ];
        string[] expected = ["slate teardown --apply", "slate networks prune --apply", "slate osd wipe --apply", "slate reenroll --apply",
            .. hosts.Select(h => $"slate carve {h} --apply")];

        var (early, earlyIo) = await lab.RunAsync("osd", "wipe", "--apply", "--confirm", "4");
        Assert.Equal(4, early);
        Assert.Contains(earlyIo.Out, l => l.StartsWith("PRECONDITION teardown: `slate teardown` must come first", StringComparison.Ordinal));
        for (var i = 0; i < applies.Length; i++)
        {
            Assert.Equal(expected[i], await NextAsync(lab));
            await ApplyAsync(lab, applies[i]);
        }
        Assert.Equal("slate gate exit", await NextAsync(lab));
        var (exit, exitIo) = await lab.RunAsync("gate", "exit");
        Assert.True(exit == 0, string.Join('\n', exitIo.Out));
        Assert.Contains(exitIo.Out, l => l.StartsWith("PASS  fresh-id       reenroll: openstack2: ", StringComparison.Ordinal));
        Assert.Contains(exitIo.Out, l => l.StartsWith("PASS  network-gone   networks prune: ", StringComparison.Ordinal));

        var writes = lab.MaasWrites().Count;
        var journalled = File.ReadAllLines(lab.JournalPath).Length;
        var jujuCalls = lab.JujuCalls().Count(c => !c.Contains("status", StringComparison.Ordinal) && !c.Contains("models", StringComparison.Ordinal));
        foreach (var apply in applies)
            await ApplyAsync(lab, apply);

        Assert.Equal(writes, lab.MaasWrites().Count);
        Assert.Equal(journalled, File.ReadAllLines(lab.JournalPath).Length);
        Assert.Equal(jujuCalls, lab.JujuCalls().Count(c => !c.Contains("status", StringComparison.Ordinal) && !c.Contains("models", StringComparison.Ordinal)));
        Assert.Equal("slate gate exit", await NextAsync(lab));
    }
}
