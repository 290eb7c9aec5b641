using System.Text.Json;
using Slate.Cli.Journal;
using Slate.Cli.Tests.Teardown;

namespace Slate.Cli.Tests.Locking;

/// <summary>One changing run at a time per cloud, as an operator meets it: a second --apply is refused at once, reading goes on.</summary>
public sealed class RunLockCommandTests
{
    [Fact]
    public async Task Two_teardown_applies_at_once_destroy_the_model_once_and_the_second_is_refused_with_exit_4_naming_the_first()
    {
        await using var lab = await TeardownLab.StartAsync();

        var first = lab.RunAsync("teardown", "--apply", "--confirm", "openstack");
        await WaitForAsync(() => File.Exists(lab.JournalPath + ".holder"));
        var (secondCode, secondIo) = await lab.RunAsync("teardown", "--apply", "--confirm", "openstack");
        var (firstCode, firstIo) = await first;

        Assert.True(firstCode == 0, string.Join('\n', firstIo.Out.Concat(firstIo.Errors)));
        Assert.Equal(4, secondCode);
        Assert.Matches(@"^slate: another slate run is changing this cloud: `slate teardown --apply`, pid \d+, \S+@\S+, since \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ; refused",
            Assert.Single(secondIo.Errors));
        Assert.Single(lab.JujuCalls(), c => c.Contains("destroy-model", StringComparison.Ordinal));
        Assert.False(File.Exists(lab.JournalPath + ".holder"));
    }

    [Fact]
    public async Task While_a_run_holds_the_lock_a_dry_run_and_a_gate_still_read_and_an_apply_touches_nothing()
    {
        await using var lab = await TeardownLab.StartAsync();
        using var held = RunLock.Take(lab.JournalPath, "`slate osd wipe --apply`, pid 7, carol@jump, since 2026-12-07 10:00:00Z");

        var (plan, _) = await lab.RunAsync("teardown");
        var (gate, _) = await lab.RunAsync("gate", "teardown");
        var readCalls = lab.Lab.Server.Requests.Count;
        var (apply, applyIo) = await lab.RunAsync("teardown", "--apply", "--confirm", "openstack");

        Assert.Equal((0, 3, 4), (plan, gate, apply));
        Assert.Equal("slate: another slate run is changing this cloud: `slate osd wipe --apply`, pid 7, carol@jump, since 2026-12-07 10:00:00Z; " +
            $"refused, nothing was read or changed (wait for it, or look at `slate journal`; lock {lab.JournalPath}.lock)", Assert.Single(applyIo.Errors));
        Assert.Equal(readCalls, lab.Lab.Server.Requests.Count);
        Assert.True(lab.ModelExists());
        Assert.False(File.Exists(lab.JournalPath));
    }

    [Fact]
    public async Task A_lock_left_by_a_run_that_died_is_taken_over_said_and_journalled_with_the_run()
    {
        await using var lab = await TeardownLab.StartAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(lab.JournalPath)!);
        const string dead = "`slate teardown --apply`, pid 4242, dave@jump, since 2026-12-07 09:00:00Z";
        await File.WriteAllTextAsync(lab.JournalPath + ".holder", dead);

        var (code, io) = await lab.RunAsync("teardown", "--apply", "--confirm", "openstack");
        var (_, journalIo) = await lab.RunAsync("journal", "--json");

        Assert.True(code == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        Assert.Contains($"Took over the cloud's lock from a run that ended without releasing it: {dead}.", io.Out);
        var run = Assert.Single(JsonDocument.Parse(journalIo.Out.Single()).RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal((dead, "gate green"), (run.GetProperty("taken_over").GetString(), run.GetProperty("ending").GetString()));
        Assert.False(File.Exists(lab.JournalPath + ".holder"));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
            await Task.Delay(25);
        Assert.True(condition(), "the first run never took the lock");
    }
}
