using System.Text.Json;
using Slate.Cli.Tests.Teardown;
using Slate.Runbook.Ports;

namespace Slate.Cli.Tests.Phase;

/// <summary>`slate STEP --out FILE` and `slate apply FILE` on the lab: used once, refused when the lab changed, approved by fingerprint.</summary>
public sealed class SavedPlanCommandTests
{
    private static string PlanPath(TeardownLab lab) => Path.Combine(lab.Lab.Directory, "teardown.plan.json");

    private static async Task<(string Id, string Fingerprint)> SaveAsync(TeardownLab lab)
    {
        var (code, io) = await lab.RunAsync("teardown", "--out", PlanPath(lab));
        Assert.True(code == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        using var plan = JsonDocument.Parse(File.ReadAllText(PlanPath(lab)));
        var root = plan.RootElement.GetProperty("plan");
        Assert.Equal("slate-plan/1", plan.RootElement.GetProperty("format").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PlanPath(lab)));
        var saved = (root.GetProperty("id").GetString()!, root.GetProperty("fingerprint").GetString()!);
        Assert.Contains(io.Out, l => l.StartsWith($"Plan {saved.Item1} saved to {PlanPath(lab)} (fingerprint {saved.Item2}, ", StringComparison.Ordinal));
        return saved;
    }

    [Fact]
    public async Task A_saved_plan_applies_once_with_its_confirmation_and_a_second_apply_is_refused()
    {
        await using var lab = await TeardownLab.StartAsync();
        await SaveAsync(lab);
        Assert.True(lab.ModelExists());
        Assert.Empty(lab.MaasWrites());

        var (applied, io) = await lab.RunAsync("apply", PlanPath(lab), "--confirm", "openstack");

        Assert.True(applied == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        Assert.False(lab.ModelExists());
        var writes = lab.MaasWrites().Count;

        var (again, againIo) = await lab.RunAsync("apply", PlanPath(lab), "--confirm", "openstack");

        Assert.Equal(4, again);
        Assert.Contains(againIo.Out, l => l.StartsWith("Refused: plan ", StringComparison.Ordinal) && l.Contains("was applied already", StringComparison.Ordinal));
        Assert.Equal(writes, lab.MaasWrites().Count);
    }

    [Fact]
    public async Task A_change_in_the_lab_after_the_plan_refuses_it_naming_the_object()
    {
        await using var lab = await TeardownLab.StartAsync();
        var (_, fingerprint) = await SaveAsync(lab);
        lab.Lab.Cloud.Hypervisor.SetState("openstack2", DomainState.ShutOff);

        var (code, io) = await lab.RunAsync("apply", PlanPath(lab), "--approve", fingerprint);

        Assert.Equal(4, code);
        Assert.Contains(io.Out, l => l.StartsWith("Refused: the cloud changed since plan ", StringComparison.Ordinal));
        Assert.Contains(io.Out, l => l.StartsWith("  changed: targets / openstack2: ", StringComparison.Ordinal) && l.EndsWith("domain=shut off, plan=decompose", StringComparison.Ordinal));
        Assert.True(lab.ModelExists());
        Assert.Empty(lab.MaasWrites());
    }

    [Fact]
    public async Task The_plan_fingerprint_approves_an_unattended_run_and_another_value_is_refused()
    {
        await using var lab = await TeardownLab.StartAsync();
        var (_, fingerprint) = await SaveAsync(lab);

        var (wrong, wrongIo) = await lab.RunAsync("apply", PlanPath(lab), "--approve", "0000000000000000");
        Assert.Equal(4, wrong);
        Assert.Contains($"Refused: --approve 0000000000000000 is not this plan's fingerprint ({fingerprint}); nothing was changed.", wrongIo.Out);
        Assert.True(lab.ModelExists());

        var (approved, io) = await lab.RunAsync("apply", PlanPath(lab), "--approve", fingerprint, "--json");

        Assert.True(approved == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        Assert.Empty(io.Prompts);
        Assert.False(lab.ModelExists());
        Assert.Contains(File.ReadAllLines(lab.JournalPath), l => l.Contains($"approved plan {fingerprint} (--approve)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json", "not a Slate plan file")]
    [InlineData("{\"format\": \"slate-plan/9\", \"plan\": null}", "not a Slate plan file")]
    [InlineData("{\"format\": \"terraform\"}", "not a Slate plan file")]
    public async Task A_file_that_is_not_a_plan_is_exit_2_with_one_line_naming_it(string content, string problem)
    {
        await using var lab = await TeardownLab.StartAsync();
        File.WriteAllText(PlanPath(lab), content);

        var (code, io) = await lab.RunAsync("apply", PlanPath(lab));

        Assert.Equal(2, code);
        var line = Assert.Single(io.Errors);
        Assert.StartsWith($"slate: {PlanPath(lab)}: {problem}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_goes_with_a_dry_run_only_and_a_plan_with_nothing_to_do_is_not_written()
    {
        await using var lab = await TeardownLab.StartAsync();

        var (withApply, applyIo) = await lab.RunAsync("teardown", "--apply", "--out", PlanPath(lab));
        Assert.Equal(2, withApply);
        Assert.Equal([$"slate: --out saves a dry run's plan: run without --apply, then `slate apply {PlanPath(lab)}`"], applyIo.Errors);

        var (code, io) = await lab.RunAsync("networks", "prune", "--out", PlanPath(lab));
        Assert.Equal(4, code);
        Assert.Contains($"No plan written to {PlanPath(lab)}: this plan would be refused.", io.Out);
        Assert.False(File.Exists(PlanPath(lab)));
    }

    [Fact]
    public async Task A_plan_made_for_another_cloud_is_refused()
    {
        await using var lab = await TeardownLab.StartAsync();
        await SaveAsync(lab);
        File.WriteAllText(PlanPath(lab), File.ReadAllText(PlanPath(lab)).Replace("\"cloud\": \"caracal-testcloud\"", "\"cloud\": \"elsewhere\"", StringComparison.Ordinal));

        var (code, io) = await lab.RunAsync("apply", PlanPath(lab), "--confirm", "openstack");

        Assert.Equal(4, code);
        Assert.Equal([$"slate: {PlanPath(lab)} was made for cloud 'elsewhere', and the site is 'caracal-testcloud': refused, nothing was changed"], io.Errors);
        Assert.True(lab.ModelExists());
    }

    [Fact]
    public async Task A_flag_edited_into_the_plan_file_breaks_its_fingerprint_and_an_unknown_flag_is_refused_by_name()
    {
        await using var lab = await TeardownLab.StartAsync();
        var (_, fingerprint) = await SaveAsync(lab);
        var original = File.ReadAllText(PlanPath(lab));

        File.WriteAllText(PlanPath(lab), original.Replace("\"arguments\": {}", "\"arguments\": {\"wait\": [\"1s\"]}", StringComparison.Ordinal));
        var (edited, editedIo) = await lab.RunAsync("apply", PlanPath(lab), "--approve", fingerprint);
        File.WriteAllText(PlanPath(lab), original.Replace("\"arguments\": {}", "\"arguments\": {\"force\": [\"true\"]}", StringComparison.Ordinal));
        var (unknown, unknownIo) = await lab.RunAsync("apply", PlanPath(lab), "--approve", fingerprint);

        Assert.Equal((4, 2), (edited, unknown));
        Assert.Contains(editedIo.Out, l => l.StartsWith("Refused: plan ", StringComparison.Ordinal) && l.Contains("was edited after it was made", StringComparison.Ordinal));
        Assert.Equal([$"slate: {PlanPath(lab)}: --force is not a flag of `slate teardown`: refused, nothing was changed"], unknownIo.Errors);
        Assert.True(lab.ModelExists());
        Assert.Empty(lab.MaasWrites());
    }

    [Fact]
    public async Task A_plan_file_others_may_write_is_refused_and_a_journal_that_never_saw_the_cloud_is_pointed_out()
    {
        await using var lab = await TeardownLab.StartAsync();
        var (_, fingerprint) = await SaveAsync(lab);
        File.SetUnixFileMode(PlanPath(lab), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite);

        var (open, openIo) = await lab.RunAsync("apply", PlanPath(lab), "--approve", fingerprint);
        File.SetUnixFileMode(PlanPath(lab), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var (code, io) = await lab.RunAsync("apply", PlanPath(lab), "--approve", fingerprint);

        Assert.Equal((2, 0), (open, code));
        Assert.Equal([$"slate: {PlanPath(lab)}: mode 602 lets others write it; chmod 600 it"], openIo.Errors);
        Assert.Contains($"Note: the journal {lab.JournalPath} holds nothing of cloud 'caracal-testcloud' yet; " +
            "if the steps before this one were journalled elsewhere, pass that --journal: the gates compare against it.", io.Out);
    }
}
