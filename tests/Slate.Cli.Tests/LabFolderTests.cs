using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Slate.Cli.Tests;

/// <summary>
/// `slate lab serve` writes its juju shim and files into a fresh private folder, never into a path another user could
/// have prepared (the old /tmp/slate-lab-PORT), and removes it when stopped by SIGTERM or Ctrl-C (SIGINT).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LabFolderTests : IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("slate-labfolder-");
    private readonly DirectoryInfo victim = Directory.CreateTempSubdirectory("slate-victim-");

    public void Dispose()
    {
        temp.Delete(recursive: true);
        victim.Delete(recursive: true);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_planted_link_at_the_old_path_is_ignored_and_the_private_folder_is_removed_on_the_signal(string signal)
    {
        var port = FreePort();
        var planted = Path.Combine(temp.FullName, $"slate-lab-{port}");
        File.CreateSymbolicLink(planted, victim.FullName);
        using var serve = LabServeProcessTests.Start(new Dictionary<string, string> { ["TMPDIR"] = temp.FullName + "/" }, "lab", "serve", "--port", port.ToString(CultureInfo.InvariantCulture));
        try
        {
            var exports = await LabServeProcessTests.ExportsAsync(serve);

            var folder = new DirectoryInfo(Path.GetDirectoryName(Path.GetDirectoryName(exports["SLATE_JUJU"]))!);
            Assert.Equal(temp.FullName, folder.Parent!.FullName);
            Assert.StartsWith($"slate-lab-{port}-", folder.Name);
            Assert.Null(folder.LinkTarget);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, folder.UnixFileMode);
            Assert.Equal(folder.FullName, Path.GetDirectoryName(exports["SLATE_SITE"]));
            Assert.Empty(victim.EnumerateFileSystemInfos());

            using (var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", serve.Id.ToString(CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await serve.WaitForExitAsync(timeout.Token);

            Assert.Equal(0, serve.ExitCode);
            Assert.False(Directory.Exists(folder.FullName), $"{folder.FullName} was left behind");
            Assert.Equal([planted], temp.EnumerateFileSystemInfos().Select(f => f.FullName));
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
