namespace Slate.Cli;

/// <summary>
/// A fresh folder under the temp directory that only this user can enter: made by mkdtemp(3) (a new random name,
/// created by us with mode 0700, so never an existing path or another user's symlink) and removed on dispose.
/// </summary>
internal sealed class PrivateTempFolder : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private PrivateTempFolder(string path) => Path = path;

    public string Path { get; }

    public static PrivateTempFolder Create(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix);
        if (folder.LinkTarget is not null || (!OperatingSystem.IsWindows() && folder.UnixFileMode != OwnerOnly))
        {
            folder.Delete();
            throw new IOException($"the new temp folder {folder.FullName} is not private (0700, not a link); refusing to use it");
        }
        return new PrivateTempFolder(folder.FullName);
    }

    /// <summary>Removes the folder and what is in it; a link inside is removed, never followed.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
