using System.Runtime.InteropServices;

namespace Slate.Runbook.Files;

/// <summary>
/// A path's file type and size from Linux statx(2), following symbolic links. .NET reports a FIFO or a device as a
/// plain file of length 0, and opening a FIFO blocks, so the type must be known before the file is opened.
/// </summary>
internal readonly partial record struct FileStatus(int Type, long Size)
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1, StatxSize = 0x200;
    private const int StatxBufferSize = 256, ModeOffset = 28, SizeOffset = 40;
    private const int TypeMask = 0xF000;
    private const int NoSuchFile = 2, NotADirectory = 20; // ENOENT, ENOTDIR

    public const int Regular = 0x8000;

    /// <summary>The status, or the system's reason it cannot be had (no such file, permission denied, a loop of links…).</summary>
    public static unsafe (FileStatus? Status, string? Problem) Of(string path)
    {
        var buffer = stackalloc byte[StatxBufferSize];
        if (statx(AtFdCwd, path, 0, StatxType | StatxSize, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return (null, errno is NoSuchFile or NotADirectory ? "file not found" : Marshal.GetPInvokeErrorMessage(errno));
        }
        return (new FileStatus(*(ushort*)(buffer + ModeOffset) & TypeMask, *(long*)(buffer + SizeOffset)), null);
    }

    public string TypeName => Type switch
    {
        Regular => "a regular file",
        0x4000 => "a directory",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0x1000 => "a FIFO",
        0xC000 => "a socket",
        _ => "not a regular file",
    };

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int statx(int dirfd, string path, int flags, uint mask, byte* buffer);
}
