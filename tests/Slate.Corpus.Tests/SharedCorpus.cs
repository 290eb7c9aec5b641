namespace Slate.Corpus.Tests;

/// <summary>
/// The public corpus in ../shared beside the repository. A missing corpus fails the test that asks for it, loudly:
/// test.sh runs this suite only when ../shared is there, so a miss here is a broken setup, never a reason to skip.
/// </summary>
internal static class SharedCorpus
{
    /// <summary>The full path of a folder or file under ../shared, which must exist.</summary>
    public static string PathOf(params string[] parts)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine([RepositoryRoot(), "..", "shared", .. parts]));
        return Directory.Exists(path) || File.Exists(path)
            ? path
            : throw new DirectoryNotFoundException($"the shared corpus is missing {path} (../shared must sit beside the repository)");
    }

    /// <summary>A path inside the repository itself (for the project's own site file).</summary>
    public static string InRepository(params string[] parts) => System.IO.Path.Combine([RepositoryRoot(), .. parts]);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Slate.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Slate.slnx above {AppContext.BaseDirectory}; cannot locate ../shared");
    }
}
