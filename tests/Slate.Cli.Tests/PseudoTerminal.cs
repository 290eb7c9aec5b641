using System.Runtime.InteropServices;

namespace Slate.Cli.Tests;

/// <summary>
/// A pseudo-terminal (posix_openpt(3)): its slave path is a terminal a process can be given as stdin, as an operator's
/// shell would; it reads nothing until this side writes, and stays open until this is disposed.
/// </summary>
internal sealed partial class PseudoTerminal : IDisposable
{
    private const int ReadWrite = 0x2, NoControllingTerminal = 0x100;
    private readonly int _master;

    public PseudoTerminal()
    {
        _master = posix_openpt(ReadWrite | NoControllingTerminal);
        if (_master < 0 || grantpt(_master) != 0 || unlockpt(_master) != 0)
            throw new InvalidOperationException($"no pseudo-terminal for this test: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        var name = new byte[128];
        if (ptsname_r(_master, name, (nuint)name.Length) != 0)
            throw new InvalidOperationException($"ptsname_r: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        SlavePath = System.Text.Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
    }

    /// <summary>The terminal's path, /dev/pts/N.</summary>
    public string SlavePath { get; }

    public void Dispose() => close(_master);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int posix_openpt(int flags);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int grantpt(int fd);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int unlockpt(int fd);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int ptsname_r(int fd, [Out] byte[] buffer, nuint length);

    [LibraryImport("libc.so.6")]
    private static partial int close(int fd);
}
