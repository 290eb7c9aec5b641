using System.Diagnostics;

namespace Slate.Cli.Tests;

/// <summary>`slate` ships as one Native AOT binary: publishing must give zero trim/AOT warnings and a binary that works.</summary>
public sealed class NativeAotPublishTests
{
    [Fact]
    public async Task Publishes_without_trim_or_aot_warnings_and_the_binary_rehearses()
    {
        var repo = RepositoryRoot();
        var output = Directory.CreateTempSubdirectory("slate-aot-");
        try
        {
            var publish = await RunAsync("dotnet", repo,
                "publish", Path.Combine(repo, "src", "Slate.Cli"), "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output.FullName, "-nologo");

            Assert.True(publish.Code == 0, publish.Output);
            Assert.DoesNotMatch(@"warning IL\d{4}", publish.Output);
            var slate = Path.Combine(output.FullName, "slate");
            Assert.True(File.Exists(slate), $"no native binary at {slate}");
            Assert.False(File.Exists(Path.Combine(output.FullName, "slate.dll")), "the publish is not native: slate.dll was produced");

            var rehearse = await RunAsync(slate, output.FullName, "rehearse");

            Assert.True(rehearse.Code == 0, rehearse.Output);
            Assert.Contains("Rehearsal: 12 of 12 step(s) green", rehearse.Output);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Slate.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Slate.slnx not found above " + AppContext.BaseDirectory);
    }

    internal static async Task<(int Code, string Output)> RunAsync(string file, string workDir, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
