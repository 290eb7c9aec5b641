using Slate.Lab.Juju;

namespace Slate.Lab.Tests.Juju;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LabJujuShimTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("slate-shim-");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public void A_pinned_token_is_written_owner_only_and_never_through_a_planted_link()
    {
        var victim = Path.Combine(dir.FullName, "victim");
        File.WriteAllText(victim, "");
        var bin = Path.Combine(dir.FullName, "bin");
        Directory.CreateDirectory(bin);
        File.CreateSymbolicLink(Path.Combine(bin, "juju.tmp"), victim);

        var path = LabJujuShim.Write(bin, "/usr/bin/slate", [], (new Uri("http://127.0.0.1:5240/"), "tok-3f9a"));

        Assert.Equal("", File.ReadAllText(victim));
        Assert.Contains("SLATE_LAB_TOKEN='tok-3f9a'", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Null(new FileInfo(path).LinkTarget);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(path));
    }

    [Fact]
    public void The_script_hands_every_argument_to_slate_lab_juju_quoted()
    {
        var path = LabJujuShim.Write(dir.FullName, "/opt/it's/slate", ["a b"]);

        Assert.Equal("#!/bin/sh\n"u8.ToArray(), File.ReadAllBytes(path)[..10]);
        Assert.EndsWith("exec '/opt/it'\\''s/slate' 'a b' lab juju \"$@\"\n", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.DoesNotContain("SLATE_LAB_TOKEN", File.ReadAllText(path), StringComparison.Ordinal);
    }
}
