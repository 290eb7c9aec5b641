using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Slate.Runbook.Files;

/// <summary>open(2) as the operator's files need it: never blocking on a FIFO, closed on exec, optionally never through a link.</summary>
internal static partial class UnixOpen
{
    public const int ReadOnly = 0, WriteOnly = 0x1, Create = 0x40, Append = 0x400, NoFollow = 0x20000;
    private const int NonBlocking = 0x800, CloseOnExec = 0x80000;
    private const int LinkLoop = 40; // ELOOP: what O_NOFOLLOW answers for a symbolic link

    /// <param name="mode">The permission bits of a file <see cref="Create"/> makes.</param>
    /// <param name="error">Builds the caller's exception from a problem (the caller names the file).</param>
    public static SafeFileHandle Open(string path, int flags, int mode, Func<string, Exception> error)
    {
        var fd = open(path, flags | NonBlocking | CloseOnExec, mode);
        if (fd >= 0)
            return new SafeFileHandle(fd, ownsHandle: true);
        throw error((flags & NoFollow) != 0 && Marshal.GetLastPInvokeError() == LinkLoop
            ? "is a symbolic link, not a regular file"
            : FileStatus.LastProblem());
    }

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int open(string path, int flags, int mode);
}
