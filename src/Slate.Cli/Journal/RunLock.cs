using System.Text;

namespace Slate.Cli.Journal;

/// <summary>
/// One changing run at a time per cloud: an exclusive lock on <c>JOURNAL.lock</c> (flock, which .NET takes for
/// FileShare.None and the kernel drops when the process dies, however it dies), held from before the observation
/// through the gate. Who holds it is written to <c>JOURNAL.holder</c> for the run that is refused; a holder file left
/// behind names a run that ended without releasing the lock, and the next run takes it over and says so.
/// </summary>
internal sealed class RunLock : IDisposable
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const int HolderLimit = 1024;

    private readonly FileStream _lock;
    private readonly string _holderPath;

    private RunLock(FileStream held, string holderPath, string? takenOverFrom)
    {
        _lock = held;
        _holderPath = holderPath;
        TakenOverFrom = takenOverFrom;
    }

    /// <summary>The run that held the lock last and ended without releasing it, as it described itself; null when it released it.</summary>
    public string? TakenOverFrom { get; }

    /// <param name="holder">This run as the refused one will read it: command, pid, user@host, since when.</param>
    /// <exception cref="CliRefusedException">Another run holds it (exit 4, naming it); nothing was read or changed.</exception>
    public static RunLock Take(string journalPath, string holder)
    {
        var lockPath = journalPath + ".lock";
        var holderPath = journalPath + ".holder";
        FileStream held;
        try
        {
            JsonLinesJournal.EnsureFolder(Path.GetDirectoryName(journalPath)!);
            held = new FileStream(lockPath, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, UnixCreateMode = PrivateFile,
            });
        }
        catch (IOException) when (File.Exists(lockPath) && !Directory.Exists(lockPath))
        {
            throw new CliRefusedException(
                $"another slate run is changing this cloud: {Holder(holderPath) ?? "(it has not said who it is yet)"}; refused, nothing was read or changed " +
                $"(wait for it, or look at `slate journal`; lock {lockPath})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"journal {journalPath}: its folder or lock cannot be made: {e.Message} (set --journal FILE)");
        }
        var left = Holder(holderPath);
        try
        {
            // Created afresh, never through a link someone planted at its name.
            File.Delete(holderPath);
            using var file = new FileStream(holderPath, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFile });
            file.Write(Encoding.UTF8.GetBytes(holder));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            held.Dispose();
            throw new CliInputException($"journal {journalPath}: its holder file cannot be written: {e.Message}");
        }
        return new RunLock(held, holderPath, left);
    }

    /// <summary>This run's own description of itself, for the holder file.</summary>
    public static string Describe(string command, string by, DateTimeOffset since) =>
        $"`slate {command}`, pid {Environment.ProcessId}, {by}, since {JournalText.Time(since)}";

    /// <summary>The holder file's one line, capped; null when there is none.</summary>
    private static string? Holder(string path)
    {
        try
        {
            var text = File.ReadAllText(path, Encoding.UTF8);
            return text.Length == 0 ? null : Rendering.TerminalText.OneLine(text.Length > HolderLimit ? text[..HolderLimit] : text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        File.Delete(_holderPath);
        _lock.Dispose();
    }
}
