using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Slate.Runbook.Files;
using Slate.Runbook.Ports;

namespace Slate.Cli.Journal;

/// <summary>
/// The journal as append-only JSON Lines (file 0600, folder 0700), flushed to disk after every entry so that a crash
/// leaves exactly what was started; each entry gets the next sequence number of the file. Captures go into a run folder
/// beside it, created on first use, and are journalled under the action that wrote them. The entries are read once and
/// kept while the file holds only what this journal wrote since (another writer's line makes it read again).
/// </summary>
internal sealed partial class JsonLinesJournal(string path, string by, string version, TimeProvider time) : IJournal
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = PrivateFile | UnixFileMode.UserExecute;
    /// <summary>Far beyond any cloud's years of runs; a journal past it is refused rather than read into memory.</summary>
    public const long Limit = 256L * 1024 * 1024;

    private (string? Run, string Path)? _runFolder;
    private JournalEntry? _last;
    private List<JournalEntry>? _entries;
    private string? _lastLink;
    private bool _cut;
    private long _length;

    public string Path { get; } = path;

    /// <exception cref="CliInputException">The journal or its folder cannot be written (one line naming it).</exception>
    public void Append(JournalEntry entry)
    {
        try
        {
            Write(entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"journal {Path}: cannot be written: {e.Message} (set --journal FILE)");
        }
    }

    private void Write(JournalEntry entry)
    {
        EnsureFolder(System.IO.Path.GetDirectoryName(Path)!);
        var known = Cached();
        var written = entry with
        {
            Arguments = Masked(entry.Arguments), By = by, Version = version, Seq = (known.LastOrDefault(e => e.Seq is not null)?.Seq ?? 0) + 1, Prev = _lastLink,
        };
        var text = JsonSerializer.Serialize(written, JournalJson.Default.JournalEntry);
        // After a line a crash cut short, the entry starts a line of its own rather than being glued onto it.
        var line = Encoding.UTF8.GetBytes((_cut ? "\n" : "") + text + "\n");
        using (var file = OwnFile.OpenForAppend(Path, problem => new CliInputException($"journal {Path}: {problem}")))
        {
            file.Write(line);
            file.Flush(flushToDisk: true);
            if (file.Length - line.Length == _length)
            {
                known.Add(written);
                _length = file.Length;
                _lastLink = JournalRead.Link(text);
                _cut = false;
            }
            else
            {
                _entries = null;
            }
        }
        _last = entry;
    }

    /// <summary>Every readable entry; none while the journal does not exist yet.</summary>
    public IReadOnlyList<JournalEntry> Entries() => [.. Cached()];

    /// <exception cref="CliInputException">The journal's chain is broken: no step reads a baseline from it, nor writes after it.</exception>
    private List<JournalEntry> Cached()
    {
        var length = System.IO.Path.Exists(Path) ? new FileInfo(Path).Length : 0;
        if (_entries is null || length != _length)
        {
            var read = length == 0 ? new JournalRead([], null, null) : Read(Path);
            if (read.Break is { } broken)
                throw new CliInputException($"journal {Path}: {broken}; nothing trusts it now (see `slate journal`; move it aside to start a new one)");
            (_entries, _lastLink, _length, _cut) = ([.. read.Entries], read.LastLink, length, read.EndsCut);
        }
        return _entries;
    }

    /// <summary>Every readable entry of a journal file and where its chain breaks, if it does; a line cut short by a crash is passed over.</summary>
    /// <exception cref="CliInputException">Not a regular file of the operator's, over <see cref="Limit"/>, or unreadable.</exception>
    public static JournalRead Read(string path)
    {
        var bytes = InputFile.ReadBytes(path, problem => new CliInputException($"journal {path}: {problem}"), Limit, followLinks: false, accept: OwnFile.Problem);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        var entries = new List<JournalEntry>();
        string? link = null;
        var linked = false;
        JournalBreak? broken = null;
        var number = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            JournalEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize(line, JournalJson.Default.JournalEntry);
            }
            catch (JsonException)
            {
                continue;
            }
            if (entry is null)
                continue;
            // Before the first linked entry a journal is an old one; from it on, every entry names the line before it.
            linked |= entry.Prev is not null;
            if (broken is null && linked && entry.Prev != link)
                broken = new JournalBreak(number, entry.Prev is null ? "carries no link to the line before it" : "does not follow the line before it");
            entries.Add(entry);
            link = JournalRead.Link(line);
        }
        return new JournalRead(entries, link, broken) { EndsCut = bytes.Length > 0 && bytes[^1] != (byte)'\n' };
    }

    public string SaveCapture(string fileName, string content)
    {
        // One folder per run: a process that runs a step again (a rehearsal, a soak) gives the next run a folder of its own.
        var run = _last?.Run;
        if (_runFolder is not { } folder || folder.Run != run)
        {
            var name = $"{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Environment.ProcessId}";
            folder = (run, System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "runs", _runFolder is null ? name : $"{name}-{run}"));
            _runFolder = folder;
        }
        EnsureFolder(folder.Path);
        var target = System.IO.Path.Combine(folder.Path, System.IO.Path.GetFileName(fileName));
        using var file = new FileStream(target, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFile,
        });
        file.Write(Encoding.UTF8.GetBytes(content));
        if (_last is { } during)
            Append(during with { Time = time.GetUtcNow(), Event = JournalEvent.Capture, Arguments = null, Seq = null, Detail = target });
        return target;
    }

    /// <summary>Creates the folder (and those above it) for the operator alone, 0700.</summary>
    public static void EnsureFolder(string folder)
    {
        if (!Directory.Exists(folder))
            Directory.CreateDirectory(folder, PrivateFolder);
    }

    private static IReadOnlyDictionary<string, string>? Masked(IReadOnlyDictionary<string, string>? arguments) =>
        arguments?.ToDictionary(a => a.Key, a => SecretName().IsMatch(a.Key) ? "********" : a.Value, StringComparer.Ordinal);

    [GeneratedRegex("pass|secret|token|key", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
