using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Slate.Runbook.Ports;

namespace Slate.Cli.Journal;

/// <summary>
/// The journal as append-only JSON Lines (file 0600, folder 0700), flushed to disk after every entry so that a crash
/// leaves exactly what was started. Captures go into a run folder beside it, created on first use.
/// </summary>
internal sealed partial class JsonLinesJournal(string path, string by, string version, TimeProvider time) : IJournal
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = PrivateFile | UnixFileMode.UserExecute;
    private string? _runFolder;

    public string Path { get; } = path;

    public void Append(JournalEntry entry)
    {
        EnsureFolder(System.IO.Path.GetDirectoryName(Path)!);
        var masked = entry with { Arguments = Masked(entry.Arguments), By = by, Version = version };
        var line = JsonSerializer.Serialize(masked, JournalJson.Default.JournalEntry) + "\n";
        using var file = new FileStream(Path, new FileStreamOptions
        {
            Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read, UnixCreateMode = PrivateFile,
        });
        file.Write(Encoding.UTF8.GetBytes(line));
        file.Flush(flushToDisk: true);
    }

    /// <summary>Every readable entry; a line cut short by a crash is passed over.</summary>
    public IReadOnlyList<JournalEntry> Entries()
    {
        if (!File.Exists(Path))
            return [];
        var entries = new List<JournalEntry>();
        foreach (var line in File.ReadLines(Path))
        {
            try
            {
                if (JsonSerializer.Deserialize(line, JournalJson.Default.JournalEntry) is { } entry)
                    entries.Add(entry);
            }
            catch (JsonException)
            {
            }
        }
        return entries;
    }

    public string SaveCapture(string fileName, string content)
    {
        _runFolder ??= System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "runs",
            $"{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Environment.ProcessId}");
        EnsureFolder(_runFolder);
        var target = System.IO.Path.Combine(_runFolder, System.IO.Path.GetFileName(fileName));
        using var file = new FileStream(target, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFile,
        });
        file.Write(Encoding.UTF8.GetBytes(content));
        return target;
    }

    private static void EnsureFolder(string folder)
    {
        if (!Directory.Exists(folder))
            Directory.CreateDirectory(folder, PrivateFolder);
    }

    private static IReadOnlyDictionary<string, string>? Masked(IReadOnlyDictionary<string, string>? arguments) =>
        arguments?.ToDictionary(a => a.Key, a => SecretName().IsMatch(a.Key) ? "********" : a.Value, StringComparer.Ordinal);

    [GeneratedRegex("pass|secret|token|key", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
