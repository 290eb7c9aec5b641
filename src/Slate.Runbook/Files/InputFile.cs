using System.Text;

namespace Slate.Runbook.Files;

/// <summary>
/// Reads a file the operator named: only a regular file (never a directory, device or FIFO, which would be read
/// forever or block) and never more than a limit. The file is opened without blocking and judged by what was opened,
/// so a path swapped for a FIFO or a link after the check is still refused. Every refusal is the caller's one-line error.
/// </summary>
public static class InputFile
{
    /// <summary>Far beyond any site, bundle, overlay, policy archive or maas CLI profile database.</summary>
    public const long DefaultLimit = 16L * 1024 * 1024;

    /// <param name="error">Builds the caller's exception from a problem (the caller names the file).</param>
    /// <param name="followLinks">False refuses a symbolic link, as a secret's file is refused.</param>
    /// <param name="accept">A further check of the opened file's status (owner, permissions): a problem, or null to read it.</param>
    public static string ReadText(string path, Func<string, Exception> error, long limit = DefaultLimit,
        bool followLinks = true, Func<FileStatus, string?>? accept = null)
    {
        var text = Encoding.UTF8.GetString(ReadBytes(path, error, limit, followLinks, accept));
        return text.StartsWith('\uFEFF') ? text[1..] : text;
    }

    public static byte[] ReadBytes(string path, Func<string, Exception> error, long limit = DefaultLimit,
        bool followLinks = true, Func<FileStatus, string?>? accept = null)
    {
        // One byte past the limit is asked for: a file that grew after the check is refused, not read on.
        var bytes = Read(path, error, limit, limit + 1, followLinks, accept);
        return bytes.Length > limit ? throw error($"grew past the limit of {Mebibytes(limit)} while it was read") : bytes;
    }

    /// <summary>The first <paramref name="count"/> bytes (fewer when the file is shorter), after the same checks.</summary>
    public static byte[] ReadStart(string path, int count, Func<string, Exception> error, long limit = DefaultLimit) =>
        Read(path, error, limit, count, followLinks: true, accept: null);

    private static byte[] Read(string path, Func<string, Exception> error, long limit, long wanted, bool followLinks, Func<FileStatus, string?>? accept)
    {
        // Judged by its path first, so that a device (whose opening alone can do something) is never opened…
        Judge(FileStatus.Of(path, followLinks), error, limit, accept: null);
        // Opened without blocking: a FIFO put in the file's place is opened, then refused, never waited on.
        using var file = UnixOpen.Open(path, UnixOpen.ReadOnly | (followLinks ? 0 : UnixOpen.NoFollow), 0, error);
        // …and by what was opened, which is what is read.
        var size = Judge(FileStatus.Of(file), error, limit, accept);
        try
        {
            var output = new byte[Math.Min(size + 1, wanted)];
            var length = 0L;
            for (int read; length < wanted; length += read)
            {
                if (length == output.Length)
                    Array.Resize(ref output, (int)Math.Min(Math.Max(2 * output.LongLength, 81920), wanted));
                if ((read = RandomAccess.Read(file, output.AsSpan((int)length), length)) == 0)
                    break;
            }
            return output[..(int)length];
        }
        catch (IOException e)
        {
            throw error($"cannot be read: {e.Message}");
        }
    }

    /// <summary>The file's size once it is a regular file within <paramref name="limit"/> that <paramref name="accept"/> takes; else the caller's error.</summary>
    internal static long Judge((FileStatus? Status, string? Problem) found, Func<string, Exception> error, long limit, Func<FileStatus, string?>? accept)
    {
        if (found.Status is not { } file)
            throw error(found.Problem ?? "cannot be examined");
        if (file.Type != FileStatus.Regular)
            throw error($"is {file.TypeName}, not a regular file");
        if (accept?.Invoke(file) is { } problem)
            throw error(problem);
        return file.Size > limit ? throw error($"is {file.Size} bytes, over the limit of {Mebibytes(limit)}") : file.Size;
    }

    private static string Mebibytes(long bytes) => bytes < 1024 * 1024 ? $"{bytes} bytes" : $"{bytes / (1024 * 1024.0):0.##} MiB";
}
