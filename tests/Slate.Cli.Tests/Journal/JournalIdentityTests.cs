using Slate.Cli.Journal;
using Slate.Runbook.Ports;

namespace Slate.Cli.Tests.Journal;

/// <summary>
/// Runs have an identity in the journal file: every entry carries its run's id and the file's next sequence number
/// (after Terraform's lineage/serial); entries are grouped by run id; journals written before runs had ids still read.
/// </summary>
public sealed class JournalIdentityTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("slate-journal-id-").FullName;

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static JsonLinesJournal Open(string path) => new(path, "alice@jump", "1.2.3", TimeProvider.System);

    [Fact]
    public void Each_entry_gets_the_next_sequence_number_of_the_file_even_across_journal_instances()
    {
        var path = PathOf("journal.jsonl");
        Open(path).Append(new JournalEntry(At, "lab", "osd", JournalEvent.Plan, "f1", Run: "r1"));
        var second = Open(path);
        second.Append(new JournalEntry(At, "lab", "osd", JournalEvent.Started, "f1", "wipe", "openstack0", Run: "r1"));
        second.Append(new JournalEntry(At, "lab", "osd", JournalEvent.Done, "f1", "wipe", "openstack0", Run: "r1"));

        var read = JsonLinesJournal.Read(path).Entries;

        Assert.Equal([1L, 2L, 3L], read.Select(e => e.Seq));
        Assert.All(read, e => Assert.Equal(("r1", "alice@jump", "1.2.3"), (e.Run, e.By, e.Version)));
        Assert.Contains("\"event\":\"started\",", File.ReadAllLines(path)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_run_again_in_one_process_writes_its_captures_into_a_folder_of_its_own()
    {
        var journal = Open(PathOf("journal.jsonl"));
        journal.Append(new JournalEntry(At, "lab", "teardown", JournalEvent.Started, "f1", "capture-model", "openstack", Run: "r1"));
        var first = journal.SaveCapture("openstack-status.json", "{}");
        journal.Append(new JournalEntry(At, "lab", "teardown", JournalEvent.Started, "f2", "capture-model", "openstack", Run: "r2"));
        var second = journal.SaveCapture("openstack-status.json", "{ }");

        Assert.NotEqual(Path.GetDirectoryName(first), Path.GetDirectoryName(second));
        Assert.EndsWith("-r2", Path.GetDirectoryName(second), StringComparison.Ordinal);
        Assert.Equal(("{}", "{ }"), (File.ReadAllText(first), File.ReadAllText(second)));
        Assert.Equal([first, second], JsonLinesJournal.Read(PathOf("journal.jsonl")).Entries.Where(e => e.Event == JournalEvent.Capture).Select(e => e.Detail));
    }

    [Fact]
    public void A_line_another_writer_appended_is_seen_by_the_next_read_and_numbered_after()
    {
        var path = PathOf("journal.jsonl");
        var mine = Open(path);
        mine.Append(new JournalEntry(At, "lab", "osd", JournalEvent.Plan, "f1", Run: "r1"));
        Assert.Single(mine.Entries());

        Open(path).Append(new JournalEntry(At, "lab", "networks", JournalEvent.Plan, "f2", Run: "r2"));
        mine.Append(new JournalEntry(At, "lab", "osd", JournalEvent.Gate, "f1", Run: "r1", Detail: "green"));

        Assert.Equal([("osd", 1L), ("networks", 2L), ("osd", 3L)], mine.Entries().Select(e => (e.Step, e.Seq!.Value)));
    }

    [Fact]
    public void A_journal_written_before_runs_had_ids_reads_and_groups_by_the_old_rule_and_new_entries_number_from_one()
    {
        var path = PathOf("old.jsonl");
        File.WriteAllLines(path,
        [
            """{"time":"2026-11-02T10:00:00+00:00","cloud":"lab","step":"osd","event":"confirmed","fingerprint":"f1","detail":"typed '4' for: vdb","by":"bob@jump","version":"0.9.0"}""",
            """{"time":"2026-11-02T10:00:01+00:00","cloud":"lab","step":"osd","event":"plan","fingerprint":"f1","detail":"1 action(s).","by":"bob@jump","version":"0.9.0"}""",
            """{"time":"2026-11-02T10:00:02+00:00","cloud":"lab","step":"osd","event":"started","fingerprint":"f1","action":"wipe","subject":"openstack0","by":"bob@jump","version":"0.9.0"}""",
            """{"time":"2026-11-02T10:00:09+00:00","cloud":"lab","step":"osd","event":"done","fingerprint":"f1","action":"wipe","subject":"openstack0","by":"bob@jump","version":"0.9.0"}""",
            """{"time":"2026-11-02T10:00:10+00:00","cloud":"lab","step":"osd","event":"gate","fingerprint":"f1","detail":"green","by":"bob@jump","version":"0.9.0"}""",
        ]);
        var journal = Open(path);

        journal.Append(new JournalEntry(At, "lab", "osd", JournalEvent.Plan, "f2", Run: "r9"));

        var entries = journal.Entries();
        Assert.Equal([null, null, null, null, null, 1L], entries.Select(e => e.Seq));
        var runs = JournalRuns.Group(entries);
        Assert.Equal(2, runs.Count);
        Assert.Equal(("osd", "f1", "gate green", 1), (runs[0].Step, runs[0].Fingerprint, runs[0].Ending, runs[0].Actions.Count));
        Assert.Equal("f2", runs[1].Fingerprint);
    }

    [Fact]
    public void Entries_with_run_ids_are_grouped_by_their_id_where_the_old_rule_would_merge_them()
    {
        JournalEntry E(string run, JournalEvent what, string? action = null) => new(At, "lab", "osd", what, "f1", action, action is null ? null : "m1", Run: run);
        JournalEntry[] entries =
        [
            E("a", JournalEvent.Plan), E("a", JournalEvent.Started, "wipe"), E("a", JournalEvent.Done, "wipe"),
            E("b", JournalEvent.Started, "trim"), E("b", JournalEvent.Done, "trim"), E("b", JournalEvent.Gate),
        ];

        var byId = JournalRuns.Group(entries);
        var byRule = JournalRuns.Group([.. entries.Select(e => e with { Run = null })]);

        Assert.Equal([["wipe"], ["trim"]], byId.Select(r => r.Actions.Select(a => a.Kind)));
        Assert.Equal([["wipe", "trim"]], byRule.Select(r => r.Actions.Select(a => a.Kind)));
    }

    [Fact]
    public void A_line_without_its_step_or_with_a_null_cloud_is_passed_over_like_a_line_cut_short()
    {
        var path = PathOf("holes.jsonl");
        File.WriteAllLines(path,
        [
            """{"time":"2026-11-02T10:00:00+00:00","cloud":"lab","event":"plan","fingerprint":"f1"}""",
            """{"time":"2026-11-02T10:00:00+00:00","cloud":null,"step":"osd","event":"plan","fingerprint":"f1"}""",
            """{"time":"2026-11-02T10:00:01+00:00","cloud":"lab","step":"osd","event":"gate","fingerprint":"f1","detail":"green"}""",
            """{"time":"2026-11-02T10:00:02+00:00","cloud":"lab","step":"osd","event":"gat""",
        ]);

        var entries = JsonLinesJournal.Read(path).Entries;

        Assert.Equal([JournalEvent.Gate], entries.Select(e => e.Event));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
