using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Slate.Runbook.Files;

/// <summary>
/// A file that is the operator's own record (the journal): a regular file of theirs that no one else may write, opened
/// for appending without following a symbolic link and judged by what was opened, so that a link, a FIFO or another
/// user's file put at its name is refused, never written through. Created 0600 when it does not exist yet.
/// </summary>
public static partial class OwnFile
{
    private const int WriteOnly = 0x1, Create = 0x40, Append = 0x400, NonBlocking = 0x800, NoFollow = 0x20000, CloseOnExec = 0x80000;
    private const int LinkLoop = 40; // ELOOP: what O_NOFOLLOW answers for a symbolic link
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
        var fd = open(path, WriteOnly | Create | Append | NonBlocking | NoFollow | CloseOnExec, PrivateMode);
        if (fd < 0)
            throw error(Marshal.GetLastPInvokeError() == LinkLoop ? "is a symbolic link, not a regular file" : FileStatus.LastProblem());
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var (status, problem) = FileStatus.Of(handle);
        var refusal = status is not { } opened ? problem ?? "cannot be examined"
            : opened.Type != FileStatus.Regular ? $"is {opened.TypeName}, not a regular file"
            : Problem(opened);
        if (refusal is null)
            return new FileStream(handle, FileAccess.Write);
        handle.Dispose();
        throw error(refusal);
    }

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int open(string path, int flags, int mode);
}
