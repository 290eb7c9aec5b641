using System.Diagnostics;
using System.Net.Sockets;
using Slate.Runbook.Files;

namespace Slate.Runbook.Tests.Files;

/// <summary>
/// The edges of reading an operator's file: a byte-order mark, a file whose size the kernel does not report (/proc),
/// a socket that cannot even be opened, a link read as itself, and the owner and permission bits a secret's file is judged by.
/// </summary>
public sealed class InputFileEdgeTests : IDisposable
{
    private readonly SpecialFiles special = new();

    public void Dispose() => special.Dispose();

    private static InvalidDataException Problem(string problem) => new(problem);

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_text()
    {
        var path = Path.Combine(special.Dir, "bom.yaml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "name: caracal"u8]);

        Assert.Equal("name: caracal", InputFile.ReadText(path, Problem));
    }

    [Fact]
    public void A_file_whose_size_the_kernel_reports_as_zero_is_read_whole()
    {
        // procfs reports st_size 0 for /proc/version; its text is stable for the life of the machine.
        Assert.Equal(0, FileStatus.Of("/proc/version").Status!.Value.Size);

        Assert.Equal(File.ReadAllText("/proc/version"), InputFile.ReadText("/proc/version", Problem));
    }

    [Fact]
    public void A_file_whose_size_the_kernel_reports_as_zero_is_read_whole_far_past_the_first_buffer()
    {
        // /proc/kallsyms: st_size 0 and megabytes of text, unchanged while no kernel module is loaded.
        Assert.Equal(0, FileStatus.Of("/proc/kallsyms").Status!.Value.Size);

        var read = InputFile.ReadBytes("/proc/kallsyms", Problem);

        Assert.True(read.Length > 1024 * 1024, $"only {read.Length} bytes were read");
        Assert.Equal(File.ReadAllBytes("/proc/kallsyms"), read);
    }

    [Fact]
    public void A_file_that_turns_out_longer_than_the_limit_while_it_is_read_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => InputFile.ReadBytes("/proc/version", Problem, limit: 16));

        Assert.Equal("grew past the limit of 16 bytes while it was read", error.Message);
    }

    [Fact]
    public void A_socket_is_refused_by_what_it_is_before_anything_opens_it()
    {
        var path = Path.Combine(special.Dir, "control.yaml");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        var error = SpecialFiles.Refused<InvalidDataException>(() => InputFile.ReadText(path, Problem));

        Assert.Equal("is a socket, not a regular file", error.Message);
    }

    [Fact]
    public void The_start_of_a_file_is_read_through_a_symbolic_link()
    {
        var target = Path.Combine(special.Dir, "policy.zip");
        File.WriteAllBytes(target, "PK\u0003\u0004rest"u8.ToArray());
        var link = Path.Combine(special.Dir, "link.zip");
        File.CreateSymbolicLink(link, target);

        Assert.Equal("PK\u0003\u0004"u8.ToArray(), InputFile.ReadStart(link, 4, Problem));
    }

    [Fact]
    public void A_symbolic_link_is_seen_as_itself_when_links_are_not_followed()
    {
        var target = Path.Combine(special.Dir, "secret");
        File.WriteAllText(target, "s3cret");
        var link = Path.Combine(special.Dir, "link");
        File.CreateSymbolicLink(link, target);

        Assert.Equal(FileStatus.SymbolicLink, FileStatus.Of(link, followLinks: false).Status!.Value.Type);
        Assert.Equal(FileStatus.Regular, FileStatus.Of(link).Status!.Value.Type);
        Assert.Equal("is a symbolic link, not a regular file",
            Assert.Throws<InvalidDataException>(() => InputFile.ReadText(link, Problem, followLinks: false)).Message);
    }

    [Fact]
    public void A_link_loop_is_named_as_such_not_as_a_missing_file()
    {
        var a = Path.Combine(special.Dir, "a.yaml");
        var b = Path.Combine(special.Dir, "b.yaml");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);

        Assert.Equal("Too many levels of symbolic links", Assert.Throws<InvalidDataException>(() => InputFile.ReadText(a, Problem)).Message);
    }

    [Fact]
    public void The_owner_and_permission_bits_are_the_files_own()
    {
        var path = Path.Combine(special.Dir, "key");
        File.WriteAllText(path, "k");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var owner = FileStatus.EffectiveUserId == 0 ? 4321u : FileStatus.EffectiveUserId;
        if (owner != FileStatus.EffectiveUserId)
            Chown(path, owner);

        var status = FileStatus.Of(path).Status!.Value;

        Assert.Equal((UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, owner, 1L), (status.Permissions, status.OwnerId, status.Size));
    }

    private static void Chown(string path, uint owner)
    {
        using var chown = Process.Start("chown", [$"{owner}", path]) ?? throw new InvalidOperationException("chown did not start");
        chown.WaitForExit();
        Assert.True(chown.ExitCode == 0, "chown failed: a file owned by another user is needed for this test");
    }
}
