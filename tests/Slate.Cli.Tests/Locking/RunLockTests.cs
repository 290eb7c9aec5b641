using System.Diagnostics;
using Slate.Cli.Journal;

namespace Slate.Cli.Tests.Locking;

/// <summary>The cloud's lock on its own: one holder at a time, named to the refused; released by the kernel when its holder dies.</summary>
public sealed class RunLockTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slate-lock-").FullName;

    private string Journal => Path.Combine(_folder, "state", "journal.jsonl");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_second_taker_is_refused_naming_the_holder_until_the_holder_lets_go()
    {
        var first = RunLock.Take(Journal, "`slate teardown --apply`, pid 1, alice@jump, since 2026-12-07 10:00:00Z");

        var refused = Assert.Throws<CliRefusedException>(() => RunLock.Take(Journal, "second"));
        first.Dispose();
        using var again = RunLock.Take(Journal, "third");

        Assert.StartsWith("another slate run is changing this cloud: `slate teardown --apply`, pid 1, alice@jump, since 2026-12-07 10:00:00Z; refused, nothing was read or changed",
            refused.Message, StringComparison.Ordinal);
        Assert.Null(again.TakenOverFrom);
        Assert.Equal("third", File.ReadAllText(Journal + ".holder"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Journal + ".holder"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(Journal)!));
    }

    [Fact]
    public void A_holder_file_left_by_a_run_that_ended_without_letting_go_is_taken_over_and_named()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Journal)!);
        File.WriteAllText(Journal + ".holder", "`slate osd wipe --apply`, pid 4242, bob@jump, since 2026-12-07 09:00:00Z\n");

        using var taken = RunLock.Take(Journal, "me");

        Assert.Equal("`slate osd wipe --apply`, pid 4242, bob@jump, since 2026-12-07 09:00:00Z", taken.TakenOverFrom);
    }

    [Fact]
    public void Letting_go_removes_the_holder_file_and_keeps_the_lock_file()
    {
        RunLock.Take(Journal, "me").Dispose();

        Assert.False(File.Exists(Journal + ".holder"));
        Assert.True(File.Exists(Journal + ".lock"));
        using var next = RunLock.Take(Journal, "next");
        Assert.Null(next.TakenOverFrom);
    }

    [Fact]
    public void A_link_planted_at_the_holder_name_is_replaced_never_written_through()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Journal)!);
        var victim = Path.Combine(_folder, "victim");
        File.WriteAllText(victim, "precious");
        File.CreateSymbolicLink(Journal + ".holder", victim);

        using var taken = RunLock.Take(Journal, "me");

        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.Null(new FileInfo(Journal + ".holder").LinkTarget);
        Assert.Equal("me", File.ReadAllText(Journal + ".holder"));
    }

    [Fact]
    public void A_journal_whose_folder_or_lock_cannot_be_made_is_one_line_naming_it()
    {
        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "");
        Directory.CreateDirectory(Journal + ".lock");

        var underFile = Assert.Throws<CliInputException>(() => RunLock.Take(Path.Combine(file, "journal.jsonl"), "me"));
        var lockIsFolder = Assert.Throws<CliInputException>(() => RunLock.Take(Journal, "me"));
        var unwritable = Assert.Throws<CliInputException>(() => new JsonLinesJournal(Path.Combine(file, "journal.jsonl"), "me", "1", TimeProvider.System)
            .Append(new Slate.Runbook.Ports.JournalEntry(DateTimeOffset.UnixEpoch, "c", "s", Slate.Runbook.Ports.JournalEvent.Plan)));

        Assert.StartsWith($"journal {file}/journal.jsonl: its folder or lock cannot be made: ", underFile.Message, StringComparison.Ordinal);
        Assert.StartsWith($"journal {Journal}: its folder or lock cannot be made: ", lockIsFolder.Message, StringComparison.Ordinal);
        Assert.StartsWith($"journal {file}/journal.jsonl: cannot be written: ", unwritable.Message, StringComparison.Ordinal);
        Assert.All(new[] { underFile, lockIsFolder, unwritable }, e => Assert.EndsWith("(set --journal FILE)", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_process_holding_the_lock_refuses_this_one_and_its_death_frees_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Journal)!);
        using var holder = Process.Start(new ProcessStartInfo("flock", ["--exclusive", "--no-fork", Journal + ".lock", "sleep", "60"]))!;
        try
        {
            await WaitUntilAsync(() => Refused());
            holder.Kill();
            await holder.WaitForExitAsync();

            using var taken = RunLock.Take(Journal, "me");
            Assert.Null(taken.TakenOverFrom);
        }
        finally
        {
            if (!holder.HasExited) holder.Kill();
        }
    }

    private bool Refused()
    {
        try
        {
            RunLock.Take(Journal, "probe").Dispose();
            return false;
        }
        catch (CliRefusedException)
        {
            return true;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
            await Task.Delay(25);
        Assert.True(condition(), "the other process never took the lock");
    }
}
