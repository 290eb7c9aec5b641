using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Slate.Runbook.Files;

/// <summary>
/// A file's type, size, permission bits and owner from Linux statx(2), of a path or of an open file. .NET reports a
/// FIFO or a device as a plain file of length 0, opening a FIFO blocks, and .NET has no managed way to read an owner.
/// </summary>
public readonly partial record struct FileStatus(int Type, long Size, UnixFileMode Permissions, uint OwnerId)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100, AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1, StatxMode = 0x2, StatxUid = 0x8, StatxSize = 0x200;
    private const int StatxBufferSize = 256, UidOffset = 20, ModeOffset = 28, SizeOffset = 40;
    private const int TypeMask = 0xF000, PermissionMask = 0xFFF;
    private const int NoSuchFile = 2, NotADirectory = 20; // ENOENT, ENOTDIR
    private const uint Wanted = StatxType | StatxMode | StatxUid | StatxSize;

    public const int Regular = 0x8000;
    public const int SymbolicLink = 0xA000;

    /// <summary>The status of a path (of a symbolic link itself unless <paramref name="followLinks"/>), or the system's reason it cannot be had.</summary>
    public static unsafe (FileStatus? Status, string? Problem) Of(string path, bool followLinks = true)
    {
        var buffer = stackalloc byte[StatxBufferSize];
        return statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, Wanted, buffer) == 0 ? (From(buffer), null) : (null, LastProblem());
    }

    /// <summary>The status of an open file: what was opened, whatever the path names now.</summary>
    public static unsafe (FileStatus? Status, string? Problem) Of(SafeFileHandle file)
    {
        var buffer = stackalloc byte[StatxBufferSize];
        return statx(file, "", AtEmptyPath, Wanted, buffer) == 0 ? (From(buffer), null) : (null, LastProblem());
    }

    public static uint EffectiveUserId => geteuid();

    public string TypeName => Type switch
    {
        Regular => "a regular file",
        0x4000 => "a directory",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0x1000 => "a FIFO",
        0xC000 => "a socket",
        SymbolicLink => "a symbolic link",
        _ => "not a regular file",
    };

    /// <summary>The reason the last system call failed, in the words the operator reads.</summary>
    internal static string LastProblem()
    {
        var errno = Marshal.GetLastPInvokeError();
        return errno is NoSuchFile or NotADirectory ? "file not found" : Marshal.GetPInvokeErrorMessage(errno);
    }

    private static unsafe FileStatus From(byte* buffer)
    {
        var mode = *(ushort*)(buffer + ModeOffset);
        return new FileStatus(mode & TypeMask, *(long*)(buffer + SizeOffset), (UnixFileMode)(mode & PermissionMask), *(uint*)(buffer + UidOffset));
    }

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int statx(SafeFileHandle dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc.so.6")]
    private static partial uint geteuid();
}
