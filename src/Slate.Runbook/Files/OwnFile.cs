namespace Slate.Runbook.Files;

/// <summary>
/// A file that is the operator's own record (the journal): a regular file of theirs that no one else may write, opened
/// for appending without following a symbolic link and judged by what was opened, so that a link, a FIFO or another
/// user's file put at its name is refused, never written through. Created 0600 when it does not exist yet.
/// </summary>
public static class OwnFile
{
    private const int PrivateMode = 0x180; // 0600

    private const UnixFileMode OthersWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>Why the file is not the operator's own (someone else's, or writable by others); null when it is.</summary>
    public static string? Problem(FileStatus status) =>
        (status.Permissions & OthersWrite) != 0 ? $"mode {Convert.ToString((int)status.Permissions, 8)} lets others write it; chmod 600 it"
        : status.OwnerId != FileStatus.EffectiveUserId ? $"owned by uid {status.OwnerId}, not by you (uid {FileStatus.EffectiveUserId})"
        : null;

    /// <param name="error">Builds the caller's exception from a problem (the caller names the file).</param>
    public static FileStream OpenForAppend(string path, Func<string, Exception> error)
    {
        var handle = UnixOpen.Open(path, UnixOpen.WriteOnly | UnixOpen.Create | UnixOpen.Append | UnixOpen.NoFollow, PrivateMode, error);
        try
        {
            InputFile.Judge(FileStatus.Of(handle), error, long.MaxValue, Problem);
            return new FileStream(handle, FileAccess.Write);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }
}
