namespace Slate.Cli.Tests;

/// <summary>A folder of a test's own for its site file (and the bundle beside it), removed afterwards.</summary>
internal static class OwnSiteFolder
{
    public static async Task RunAsync(Func<string, Task> test)
    {
        var dir = Directory.CreateTempSubdirectory("slate-own-site-");
        try
        {
            await test(dir.FullName);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
