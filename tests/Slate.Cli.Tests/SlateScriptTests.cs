namespace Slate.Cli.Tests;

/// <summary>`./slate` publishes only when a source is newer than the published binary, never because of build output.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SlateScriptTests
{
    [Fact]
    public async Task Build_output_newer_than_the_binary_does_not_republish()
    {
        var root = Directory.CreateTempSubdirectory("slate-script-");
        try
        {
            var published = FakeTree(root.FullName);
            var later = published.AddMinutes(5);
            foreach (var buildOutput in new[] { "src/Slate.Cli/obj/Release/gen.cs", "src/Slate.Cli/bin/Release/slate.dll" })
                Write(root.FullName, buildOutput, "", later);

            var (code, output) = await RunScriptAsync(root.FullName);

            Assert.True(code == 0, output);
            Assert.Contains("ran the published slate", output);
            Assert.DoesNotContain("publishing", output);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_source_newer_than_the_binary_republishes()
    {
        var root = Directory.CreateTempSubdirectory("slate-script-");
        try
        {
            var published = FakeTree(root.FullName);
            Write(root.FullName, "src/Slate.Cli/Program.cs", "", published.AddMinutes(5));

            var (_, output) = await RunScriptAsync(root.FullName);

            Assert.Contains("fake dotnet publish", output);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>A copy of the script beside sources older than a published slate; `dotnet` is a fake that says what it was asked.</summary>
    private static DateTime FakeTree(string root)
    {
        var published = DateTime.UtcNow.AddHours(-1);
        File.Copy(Path.Combine(NativeAotPublishTests.RepositoryRoot(), "slate"), Path.Combine(root, "slate"));
        Write(root, "Directory.Build.props", "<Project />", published.AddMinutes(-5));
        Write(root, "Directory.Packages.props", "<Project />", published.AddMinutes(-5));
        Write(root, "src/Slate.Cli/Program.cs", "", published.AddMinutes(-5));
        // The script runs the native binary where clang and zlib are installed, else `dotnet slate.dll`: fake both.
        Write(root, "artifacts/publish/slate", "#!/bin/sh\necho ran the published slate\n", published);
        if (!NativeToolchainPresent())
            Write(root, "artifacts/publish/slate.dll", "", published);
        Write(root, "fake-bin/dotnet",
            "#!/bin/sh\nif [ \"$1\" = publish ]; then echo fake dotnet publish; exit 1; fi\necho ran the published slate\n", published);
        return published;
    }

    private static bool NativeToolchainPresent() =>
        Directory.GetFiles("/usr/bin", "clang*").Length > 0 && File.Exists("/usr/include/zlib.h");

    private static void Write(string root, string relative, string text, DateTime modified)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        if (text.StartsWith("#!", StringComparison.Ordinal))
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetLastWriteTimeUtc(path, modified);
    }

    private static Task<(int Code, string Output)> RunScriptAsync(string root) =>
        NativeAotPublishTests.RunAsync("/usr/bin/env", root,
            $"PATH={Path.Combine(root, "fake-bin")}:/usr/bin:/bin", "bash", Path.Combine(root, "slate"), "--help");
}
