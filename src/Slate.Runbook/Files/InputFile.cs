using System.Text;

namespace Slate.Runbook.Files;

/// <summary>
/// Reads a file the operator named: only a regular file (never a directory, device or FIFO, which would be read
/// forever or block) and never more than a limit. Every refusal is the caller's one-line error.
/// </summary>
public static class InputFile
{
    /// <summary>Far beyond any site, bundle, overlay, policy archive or maas CLI profile database.</summary>
    public const long DefaultLimit = 16L * 1024 * 1024;

    /// <param name="error">Builds the caller's exception from a problem (the caller names the file).</param>
    public static string ReadText(string path, Func<string, Exception> error, long limit = DefaultLimit)
    {
        var text = Encoding.UTF8.GetString(ReadBytes(path, error, limit));
        return text.StartsWith('\uFEFF') ? text[1..] : text;
    }

    public static byte[] ReadBytes(string path, Func<string, Exception> error, long limit = DefaultLimit)
    {
        // One byte past the limit is asked for: a file that grew after the check is refused, not read on.
        var bytes = Read(path, error, limit, limit + 1);
        return bytes.Length > limit ? throw error($"grew past the limit of {Mebibytes(limit)} while it was read") : bytes;
    }

    /// <summary>The first <paramref name="count"/> bytes (fewer when the file is shorter), after the same checks.</summary>
    public static byte[] ReadStart(string path, int count, Func<string, Exception> error, long limit = DefaultLimit) =>
        Read(path, error, limit, count);

    private static byte[] Read(string path, Func<string, Exception> error, long limit, long wanted)
    {
        var (status, problem) = FileStatus.Of(path);
        if (status is not { } file)
            throw error(problem ?? "cannot be examined");
        if (file.Type != FileStatus.Regular)
            throw error($"is {file.TypeName}, not a regular file");
        if (file.Size > limit)
            throw error($"is {file.Size} bytes, over the limit of {Mebibytes(limit)}");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var output = new MemoryStream((int)Math.Min(file.Size + 1, wanted));
            var chunk = new byte[81920];
            for (int read; output.Length < wanted && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, wanted - output.Length))) > 0;)
                output.Write(chunk, 0, read);
            return output.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw error($"cannot be read: {e.Message}");
        }
    }

    private static string Mebibytes(long bytes) => $"{bytes / (1024 * 1024.0):0.##} MiB";
}
