using System.Runtime.InteropServices;

namespace Slate.Cli.Secrets;

/// <summary>
/// A file's type, permission bits and owner as lstat sees them (a symlink is itself, not its target), read with
/// statx(2), whose layout is the same on every architecture. .NET has no managed way to read a file's owner.
/// </summary>
internal readonly partial record struct FileStatus(bool IsRegular, UnixFileMode Permissions, uint OwnerId)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxMode = 0x2, StatxUid = 0x8;
    private const int FileTypeMask = 0xF000, RegularFile = 0x8000, PermissionMask = 0xFFF;

    /// <summary>Null when the file cannot be looked at; Error then holds why.</summary>
    public static FileStatus? Of(string path, out string? error)
    {
        if (Native.statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxMode | StatxUid, out var status) != 0)
        {
            error = Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
            return null;
        }
        error = null;
        return new FileStatus((status.Mode & FileTypeMask) == RegularFile, (UnixFileMode)(status.Mode & PermissionMask), status.Uid);
    }

    public static uint EffectiveUserId => Native.geteuid();

    /// <summary>The head of struct statx (linux/stat.h); the kernel writes all 256 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct Statx
    {
        public uint Mask;
        public uint BlockSize;
        public ulong Attributes;
        public uint Links;
        public uint Uid;
        public uint Gid;
        public ushort Mode;
    }

    private static partial class Native
    {
        [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        public static partial int statx(int dirfd, string path, int flags, uint mask, out Statx buffer);

        [LibraryImport("libc.so.6")]
        public static partial uint geteuid();
    }
}
