using System.Diagnostics;

namespace Slate.Runbook.Tests.Files;

/// <summary>Paths that are not regular files, made fresh for each test in a private temp folder.</summary>
internal sealed class SpecialFiles : IDisposable
{
    public string Dir { get; } = System.IO.Directory.CreateTempSubdirectory("slate-special-").FullName;

    /// <summary>A FIFO nobody writes to: reading it blocks forever.</summary>
    public string Fifo()
    {
        var path = Path.Combine(Dir, "fifo.yaml");
        using var mkfifo = Process.Start("mkfifo", [path]) ?? throw new InvalidOperationException("mkfifo did not start");
        mkfifo.WaitForExit();
        Assert.True(mkfifo.ExitCode == 0 && Path.Exists(path), "mkfifo failed: a FIFO is needed for this test");
        return path;
    }

    public string Folder(string name = "folder.yaml") => System.IO.Directory.CreateDirectory(Path.Combine(Dir, name)).FullName;

    /// <summary>A sparse file of <paramref name="bytes"/> bytes: big on paper, cheap on disk.</summary>
    public string Sparse(long bytes)
    {
        var path = Path.Combine(Dir, "huge.yaml");
        using var file = File.Create(path);
        file.SetLength(bytes);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Dir, recursive: true);

    /// <summary>Runs a read that must refuse quickly; a read that blocks fails the test instead of hanging the run.</summary>
    public static T Refused<T>(Func<object> read) where T : Exception
    {
        var task = Task.Run(read);
        Assert.True(Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30))).Result == task, "the read never returned (it blocked on the file)");
        return Assert.IsType<T>(task.Exception?.InnerException, exactMatch: true);
    }
}
