using Slate.Cli.Tests.Teardown;

namespace Slate.Cli.Tests.Phase;

public sealed class StatusCommandTests
{
    [Fact]
    public async Task On_the_untouched_cloud_status_shows_every_step_in_order_and_names_the_teardown_next()
    {
        await using var lab = await TeardownLab.StartAsync();

        var (code, io) = await lab.RunAsync("status");

        Assert.Equal(0, code);
        var rows = io.Out.SkipWhile(l => !l.StartsWith("step | name | state | detail", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Contains(" | ", StringComparison.Ordinal))
            .Select(l => string.Join(" | ", l.Split(" | ").Take(3))).ToList();
        Assert.Equal(
        [
            "1 | preflight | green", "2 | teardown | ready", "3 | networks prune | waiting", "4 | osd wipe | waiting", "5 | reenroll | waiting",
            "6 | carve openstack0 | green", "6 | carve openstack1 | green", "6 | carve openstack2 | green", "6 | carve openstack3 | green",
            "7a | standup | green", "7b | bundle check | green",
        ], rows);
        Assert.Contains(io.Out, l => l.StartsWith("3 | networks prune | waiting | after `slate teardown` (8 gate line(s) red: host-gone openstack0: ", StringComparison.Ordinal));
        Assert.Equal("Next: Step 2 teardown — review its plan with `slate teardown`, then make it with `slate teardown --apply`.", io.Out[^1]);
        Assert.Empty(lab.MaasWrites());
    }

    [Fact]
    public async Task Status_and_the_exit_gate_show_the_steps_of_the_runbooks_one_list_in_its_order()
    {
        await using var lab = await TeardownLab.StartAsync();

        var (_, status) = await lab.RunAsync("status");
        var (_, exit) = await lab.RunAsync("gate", "exit");

        Assert.Equal(RunbookList.Rows, StepRows(status.Out, "step | name | state | detail"));
        Assert.Equal(RunbookList.Rows.Skip(1), StepRows(exit.Out, "step | name | gate"));
    }

    /// <summary>The first two cells of each row of the table under <paramref name="header"/>.</summary>
    private static List<string> StepRows(IReadOnlyList<string> output, string header) =>
        output.SkipWhile(l => l != header).Skip(1).TakeWhile(l => l.Contains(" | ", StringComparison.Ordinal))
            .Select(l => string.Join(" | ", l.Split(" | ").Take(2))).ToList();

    [Fact]
    public async Task A_cloud_torn_down_by_the_release_path_never_passes_the_exit_gate()
    {
        await using var lab = await TeardownLab.StartAsync();
        var (released, releaseIo) = await lab.RunAsync("teardown", "--path", "release", "--apply", "--confirm", "openstack");
        Assert.True(released == 0, string.Join('\n', releaseIo.Out.Concat(releaseIo.Errors)));

        var (code, io) = await lab.RunAsync("gate", "exit");

        Assert.Equal(3, code);
        Assert.Contains(io.Out, l => l.StartsWith("PASS  model-gone     teardown: openstack", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("FAIL  host-gone      teardown: openstack0: ", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("FAIL  ready          reenroll: openstack0: ", StringComparison.Ordinal) && l.Contains("Deployed", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("FAIL  fresh-id       reenroll: openstack3: ", StringComparison.Ordinal));
        Assert.StartsWith("FAIL — ", io.Out[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exit_gate_without_a_bundle_is_exit_2_naming_the_file_it_looked_for()
    {
        await using var lab = await TeardownLab.StartAsync();
        var site = Path.Combine(lab.Lab.Directory, "alone.yaml");
        File.Copy(CliHarness.SitePath, site);

        var (code, io) = await CliHarness.RunAsync(lab.Context(), "gate", "exit", "--site", site, "--journal", lab.JournalPath);

        Assert.Equal(2, code);
        Assert.Equal([$"slate: {site}: no bundle beside it (alone.bundle.yaml): pass --bundle FILE"], io.Errors);
    }
}
