using Slate.Runbook.Ports;
using System.Text.Json;
using System.Text.RegularExpressions;
using Slate.Cli.Journal;
using Slate.Cli.Steps;
using Slate.Cli.Tests.Teardown;
using Slate.Runbook.Tests.Files;

namespace Slate.Cli.Tests.Journal;

/// <summary>`slate journal` renders journals written by real runs: the teardown applied, refused, or fed a bad file.</summary>
public sealed partial class JournalCommandTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public async Task An_applied_teardown_reads_back_as_one_run_with_its_plan_confirmation_actions_captures_and_gate()
    {
        await using var lab = await TeardownLab.StartAsync();
        var openstack0 = lab.Lab.Cloud.Machines.FindByHostname("openstack0")!.SystemId;
        Assert.Equal(0, (await lab.RunAsync("teardown", "--apply", "--confirm", "openstack")).Code);
        var plan = JsonLinesJournal.Read(lab.JournalPath).Entries.Single(e => e.Event == JournalEvent.Plan);

        var (code, io) = await CliHarness.RunAsync(NoEnvironment, "journal", "--journal", lab.JournalPath);

        Assert.True(code == 0, string.Join('\n', io.Out.Concat(io.Errors)));
        Assert.Equal($"Journal {lab.JournalPath}: 1 run(s)", io.Out[0]);
        Assert.StartsWith($"1. teardown on caracal-testcloud, {JournalText.Time(plan.Time)[..10]}", io.Out[2], StringComparison.Ordinal);
        Assert.Contains($", by {CloudSession.Operator()} with slate {CloudSession.Version}", io.Out[2], StringComparison.Ordinal);
        Assert.Equal($"   plan {plan.Fingerprint}: {plan.Detail}", io.Out[3]);
        Assert.Contains($"host:openstack0={openstack0}", Assert.Single(io.Out, l => l.StartsWith("   baseline: ", StringComparison.Ordinal)));
        Assert.StartsWith($"   confirmed {JournalText.Time(plan.Time)[..10]}", Assert.Single(io.Out, l => l.Contains("typed 'openstack'", StringComparison.Ordinal)));
        var actions = io.Out.Where(l => ActionLine().IsMatch(l)).ToList();
        Assert.Equal(["capture-model openstack", "destroy-model openstack", "delete-machine capi-mgmt"], actions.Select(l => ActionLine().Match(l).Groups["action"].Value));
        Assert.All(actions, l => Assert.Equal("done", ActionLine().Match(l).Groups["outcome"].Value));
        var captures = io.Out.Where(l => l.StartsWith("   capture: ", StringComparison.Ordinal)).Select(l => l["   capture: ".Length..]).ToList();
        Assert.Equal(["openstack-export-bundle.yaml", "openstack-status.json"], captures.Select(Path.GetFileName));
        Assert.All(captures, c => Assert.True(File.Exists(c), c));
        Assert.Equal("   gate green", io.Out[^1]);
    }

    [Fact]
    public async Task A_refused_confirmation_is_a_run_of_its_own_naming_what_was_refused_and_the_next_apply_another()
    {
        await using var lab = await TeardownLab.StartAsync();
        Assert.Equal(4, (await lab.RunAsync("teardown", "--apply", "--confirm", "opensatck")).Code);
        Assert.Equal(0, (await lab.RunAsync("teardown", "--apply", "--confirm", "openstack")).Code);

        var (code, io) = await CliHarness.RunAsync(NoEnvironment, "journal", "--journal", lab.JournalPath, "--json");

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(Assert.Single(io.Out));
        var runs = document.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(2, runs.Count);
        var refusal = Assert.Single(runs[0].GetProperty("confirmations").EnumerateArray());
        Assert.False(refusal.GetProperty("confirmed").GetBoolean());
        Assert.Equal(CloudSession.Operator(), refusal.GetProperty("by").GetString());
        Assert.Equal("refused: confirmation did not match 'openstack'", runs[0].GetProperty("ending").GetString());
        Assert.Equal(JsonValueKind.Null, runs[0].GetProperty("plan").ValueKind);
        Assert.Empty(runs[0].GetProperty("actions").EnumerateArray());
        Assert.True(Assert.Single(runs[1].GetProperty("confirmations").EnumerateArray()).GetProperty("confirmed").GetBoolean());
        Assert.Equal(["done", "done", "done"], runs[1].GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("outcome").GetString()));
        Assert.Equal(2, runs[1].GetProperty("captures").GetArrayLength());
        Assert.Equal("gate green", runs[1].GetProperty("ending").GetString());
        Assert.Equal(runs[0].GetProperty("fingerprint").GetString(), runs[1].GetProperty("fingerprint").GetString());
    }

    [Fact]
    public async Task A_saved_plan_applied_by_approval_and_then_refused_reads_back_naming_the_plan_both_times()
    {
        await using var lab = await TeardownLab.StartAsync();
        var planPath = Path.Combine(lab.Lab.Directory, "teardown.plan.json");
        Assert.Equal(0, (await lab.RunAsync("teardown", "--out", planPath)).Code);
        var saved = JsonDocument.Parse(await File.ReadAllTextAsync(planPath)).RootElement.GetProperty("plan");
        var (id, fingerprint) = (saved.GetProperty("id").GetString(), saved.GetProperty("fingerprint").GetString());
        Assert.Equal(0, (await lab.RunAsync("apply", planPath, "--approve", fingerprint!)).Code);
        Assert.Equal(4, (await lab.RunAsync("apply", planPath, "--approve", fingerprint!)).Code);

        var (code, io) = await CliHarness.RunAsync(NoEnvironment, "journal", "--journal", lab.JournalPath);

        Assert.Equal(0, code);
        Assert.Equal($"Journal {lab.JournalPath}: 2 run(s)", io.Out[0]);
        Assert.Equal($"   saved plan applied: {id}", Assert.Single(io.Out, l => l.Contains("saved plan applied", StringComparison.Ordinal)));
        Assert.Contains(io.Out, l => l.StartsWith("   confirmed ", StringComparison.Ordinal) && l.Contains($"approved plan {fingerprint} (--approve)", StringComparison.Ordinal));
        Assert.Contains("   gate green", io.Out);
        Assert.StartsWith($"   refused: saved plan {id}: ", io.Out[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_markdown_log_has_a_heading_per_run_and_a_table_row_per_action_that_a_pipe_in_a_detail_cannot_break()
    {
        using var folder = new SpecialFiles();
        var path = Path.Combine(folder.Dir, "journal.jsonl");
        var journal = new JsonLinesJournal(path, "ops@jump", "1.0", TimeProvider.System);
        var at = DateTimeOffset.UnixEpoch;
        journal.Append(new(at, "lab", "networks", JournalEvent.Confirmed, "f1", Detail: "typed 'yes' for: 8_lbaas"));
        journal.Append(new(at, "lab", "networks", JournalEvent.Plan, "f1", Detail: "2 action(s): detach-nic a|b, net-destroy 8_lbaas."));
        journal.Append(new(at, "lab", "networks", JournalEvent.Started, "f1", "detach-nic", "openstack0"));
        journal.Append(new(at.AddSeconds(2), "lab", "networks", JournalEvent.Failed, "f1", "detach-nic", "openstack0", Detail: "virsh said | no \u001b[2Jsuch | interface\nsecond line"));
        journal.Append(new(at.AddSeconds(3), "lab", "networks", JournalEvent.Gate, "f1", Detail: "red: 8_lbaas"));
        journal.Append(new(at.AddSeconds(9), "lab", "osd", JournalEvent.Confirmed, "f2", Detail: "typed '4' for: vdb"));
        journal.Append(new(at.AddSeconds(9), "lab", "osd", JournalEvent.Plan, "f2", Detail: "1 action(s)."));
        journal.Append(new(at.AddSeconds(10), "lab", "osd", JournalEvent.Started, "f2", "wipe", "openstack0"));

        var (code, io) = await CliHarness.RunAsync(NoEnvironment, "journal", "--journal", path, "--markdown");

        Assert.Equal(0, code);
        Assert.Equal(["## 1. networks — 1970-01-01 00:00:00Z", "## 2. osd — 1970-01-01 00:00:09Z"], io.Out.Where(l => l.StartsWith("## ", StringComparison.Ordinal)));
        var rows = io.Out.Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(7, UnescapedPipe().Matches(r).Count));
        Assert.Equal(@"| 1 | detach-nic | openstack0 | failed | 2s | virsh said \| no such \| interface \| second line |", rows[1]);
        Assert.Equal($"| 1 | wipe | openstack0 | in doubt |  | {JournalRun.InDoubtText} |", rows[3]);
        Assert.Contains("**Gate red: 8\\_lbaas**", io.Out);
        Assert.Contains(@"- Plan f1: 2 action(s): detach-nic a\|b, net-destroy 8\_lbaas.", io.Out);
        Assert.DoesNotContain(io.Out, l => l.Any(char.IsControl));
    }

    [Fact]
    public async Task A_missing_journal_is_exit_2_naming_the_path_and_with_json_an_error_document()
    {
        using var folder = new SpecialFiles();
        var path = Path.Combine(folder.Dir, "none", "journal.jsonl");

        var (code, io) = await CliHarness.RunAsync(NoEnvironment, "journal", "--journal", path, "--json");

        Assert.Equal(2, code);
        Assert.Equal($"slate: no journal at {path}: nothing was applied to this cloud from here (or give --journal FILE)", Assert.Single(io.Errors));
        using var document = JsonDocument.Parse(Assert.Single(io.Out));
        Assert.Equal(2, document.RootElement.GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public async Task Without_journal_the_site_clouds_state_folder_is_read()
    {
        using var folder = new SpecialFiles();
        var env = new Dictionary<string, string?> { ["XDG_STATE_HOME"] = folder.Dir, ["SLATE_SITE"] = CliHarness.SitePath };

        var (code, io) = await CliHarness.RunAsync(env, "journal");

        Assert.Equal(2, code);
        Assert.StartsWith($"slate: no journal at {Path.Combine(folder.Dir, "slate", "caracal-testcloud", "journal.jsonl")}: ", Assert.Single(io.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_that_is_a_fifo_is_refused_with_exit_2_and_never_waited_on()
    {
        using var folder = new SpecialFiles();
        var fifo = folder.Fifo();

        var run = Task.Run(() => CliHarness.RunAsync(NoEnvironment, "journal", "--journal", fifo));

        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))) == run, "slate journal blocked on the FIFO");
        var (code, io) = await run;
        Assert.Equal(2, code);
        Assert.Equal($"slate: journal {fifo}: is a FIFO, not a regular file", Assert.Single(io.Errors));
    }

    [GeneratedRegex(@"^   \d+\. (?<action>[^:]+): (?<outcome>\w+) in \S+")]
    private static partial Regex ActionLine();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
