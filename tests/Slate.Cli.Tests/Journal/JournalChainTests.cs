using Slate.Cli.Journal;
using Slate.Runbook.Ports;

namespace Slate.Cli.Tests.Journal;

/// <summary>Every entry carries the hash of the line before it: an edited, inserted or removed line is found, and said where.</summary>
public sealed class JournalChainTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slate-journal-chain-").FullName;

    private string JournalPath => Path.Combine(_folder, "journal.jsonl");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private JsonLinesJournal Journal() => new(JournalPath, "me@here", "1.0", TimeProvider.System);

    private static JournalEntry Entry(string detail) => new(DateTimeOffset.UnixEpoch, "caracal", "teardown", JournalEvent.Plan, "f00", Detail: detail, Run: "r1");

    private string[] Written(int count)
    {
        var journal = Journal();
        for (var i = 1; i <= count; i++)
            journal.Append(Entry($"entry {i}"));
        return File.ReadAllLines(JournalPath);
    }

    [Fact]
    public void Each_entry_names_the_line_before_it_and_the_chain_holds()
    {
        var lines = Written(3);

        var read = JsonLinesJournal.Read(JournalPath);

        Assert.Null(read.Break);
        Assert.Equal([null, JournalRead.Link(lines[0]), JournalRead.Link(lines[1])], read.Entries.Select(e => e.Prev));
        Assert.Equal(JournalRead.Link(lines[2]), read.LastLink);
    }

    [Theory]
    [InlineData("edited", 3, "line 3 does not follow the line before it")]
    [InlineData("removed", 2, "line 2 does not follow the line before it")]
    [InlineData("inserted", 3, "line 3 carries no link to the line before it")]
    public void A_changed_journal_is_found_at_the_line_where_its_chain_breaks(string change, int line, string said)
    {
        var lines = Written(3).ToList();
        switch (change)
        {
            case "edited":
                lines[1] = lines[1].Replace("entry 2", "entry 9", StringComparison.Ordinal);
                break;
            case "removed":
                lines.RemoveAt(1);
                break;
            default:
                lines.Insert(2, lines[0]);
                break;
        }
        File.WriteAllLines(JournalPath, lines);

        var broken = JsonLinesJournal.Read(JournalPath).Break;
        var refused = Assert.Throws<CliInputException>(() => Journal().Entries());

        Assert.Equal(line, broken!.Line);
        Assert.Equal($"{said}: the journal was edited, or lines were inserted or removed there", broken.ToString());
        Assert.Equal($"journal {JournalPath}: {broken}; nothing trusts it now (see `slate journal`; move it aside to start a new one)", refused.Message);
        Assert.Throws<CliInputException>(() => Journal().Append(Entry("after")));
    }

    [Fact]
    public void A_journal_from_before_the_links_reads_and_the_next_entry_links_to_its_last_line()
    {
        var legacy = "{\"time\":\"2026-01-01T00:00:00+00:00\",\"cloud\":\"caracal\",\"step\":\"teardown\",\"event\":\"plan\",\"fingerprint\":\"f00\"}";
        File.WriteAllText(JournalPath, legacy + "\n" + legacy + "\n");

        Journal().Append(Entry("new"));
        var read = JsonLinesJournal.Read(JournalPath);

        Assert.Null(read.Break);
        Assert.Equal([null, null, JournalRead.Link(legacy)], read.Entries.Select(e => e.Prev));
    }

    [Fact]
    public void After_a_line_a_crash_cut_short_the_next_entry_starts_its_own_line_and_the_chain_goes_on()
    {
        var lines = Written(2);
        File.AppendAllText(JournalPath, "{\"time\":\"2026-01-01T00:00:00+00:00\",\"clo");

        Journal().Append(Entry("after the crash"));
        var read = JsonLinesJournal.Read(JournalPath);

        Assert.Null(read.Break);
        Assert.Equal(["entry 1", "entry 2", "after the crash"], read.Entries.Select(e => e.Detail));
        Assert.Equal(JournalRead.Link(lines[1]), read.Entries[^1].Prev);
    }

    [Fact]
    public async Task Slate_journal_shows_a_broken_journal_says_where_and_exits_3()
    {
        var lines = Written(2);
        File.WriteAllLines(JournalPath, [lines[0].Replace("entry 1", "entry 7", StringComparison.Ordinal), lines[1]]);

        var (code, io) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "journal", "--journal", JournalPath);
        var (jsonCode, jsonIo) = await CliHarness.RunAsync(new Dictionary<string, string?>(), "journal", "--journal", JournalPath, "--json");

        Assert.Equal((3, 3), (code, jsonCode));
        Assert.Equal("BROKEN: line 2 does not follow the line before it: the journal was edited, or lines were inserted or removed there. " +
            "No step reads a baseline from it or writes to it until it is moved aside.", io.Out[^1]);
        Assert.Contains("   plan f00: entry 2", io.Out);
        Assert.StartsWith("line 2 does not follow", System.Text.Json.JsonDocument.Parse(jsonIo.Out.Single()).RootElement.GetProperty("broken").GetString(), StringComparison.Ordinal);
    }
}
