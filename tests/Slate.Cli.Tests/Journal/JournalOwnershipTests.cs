using Slate.Cli.Journal;
using Slate.Runbook.Files;
using Slate.Runbook.Ports;

namespace Slate.Cli.Tests.Journal;

/// <summary>The journal is the operator's own: never written or read through a link, never someone else's or open to others' writes.</summary>
public sealed class JournalOwnershipTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slate-journal-own-").FullName;

    private string JournalPath => Path.Combine(_folder, "journal.jsonl");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private JsonLinesJournal Journal() => new(JournalPath, "me@here", "1.0", TimeProvider.System);

    private static JournalEntry Entry() => new(DateTimeOffset.UnixEpoch, "caracal", "teardown", JournalEvent.Plan, "f00");

    [Fact]
    public void A_new_journal_is_a_file_for_the_operator_alone()
    {
        Journal().Append(Entry());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(JournalPath));
        Assert.Single(JsonLinesJournal.Read(JournalPath).Entries);
    }

    [Fact]
    public void A_link_at_the_journal_s_name_is_refused_and_its_target_left_as_it_was()
    {
        var target = Path.Combine(_folder, "elsewhere.jsonl");
        File.WriteAllText(target, "");
        File.CreateSymbolicLink(JournalPath, target);

        var append = Assert.Throws<CliInputException>(() => Journal().Append(Entry()));
        var read = Assert.Throws<CliInputException>(() => JsonLinesJournal.Read(JournalPath));

        Assert.Equal($"journal {JournalPath}: is a symbolic link, not a regular file", append.Message);
        Assert.Equal($"journal {JournalPath}: is a symbolic link, not a regular file", read.Message);
        Assert.Equal("", File.ReadAllText(target));
    }

    [Fact]
    public void A_journal_others_may_write_is_refused_for_reading_and_for_appending()
    {
        Journal().Append(Entry());
        File.SetUnixFileMode(JournalPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
        var before = File.ReadAllText(JournalPath);

        var append = Assert.Throws<CliInputException>(() => Journal().Append(Entry()));
        var read = Assert.Throws<CliInputException>(() => JsonLinesJournal.Read(JournalPath));

        Assert.Equal($"journal {JournalPath}: mode 666 lets others write it; chmod 600 it", append.Message);
        Assert.Equal(append.Message, read.Message);
        Assert.Equal(before, File.ReadAllText(JournalPath));
    }

    [Fact]
    public void A_journal_owned_by_someone_else_is_refused_naming_both_users()
    {
        // As root the file is given away; as anyone else a root-owned file is someone else's already.
        var path = JournalPath;
        if (FileStatus.EffectiveUserId == 0)
        {
            Journal().Append(Entry());
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Assert.Equal(0, Chown(path, 65534));
        }
        else
        {
            path = "/etc/hostname";
        }

        var read = Assert.Throws<CliInputException>(() => JsonLinesJournal.Read(path));

        Assert.Equal($"journal {path}: owned by uid {(FileStatus.EffectiveUserId == 0 ? 65534 : 0)}, not by you (uid {FileStatus.EffectiveUserId})", read.Message);
        if (FileStatus.EffectiveUserId == 0)
            Assert.Throws<CliInputException>(() => Journal().Append(Entry()));
    }

    private static int Chown(string path, int uid)
    {
        using var process = System.Diagnostics.Process.Start("chown", [uid.ToString(System.Globalization.CultureInfo.InvariantCulture), path])!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
