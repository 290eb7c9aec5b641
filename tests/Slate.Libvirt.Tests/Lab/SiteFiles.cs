using Slate.Runbook.Sites;

namespace Slate.Libvirt.Tests.Lab;

internal static class SiteFiles
{
    /// <summary>sites/caracal-testcloud.yaml of this repository, found upward from the test binaries.</summary>
    public static Site Caracal()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "sites", "caracal-testcloud.yaml");
            if (File.Exists(path)) return SiteLoader.Load(path);
        }
        throw new FileNotFoundException($"sites/caracal-testcloud.yaml not found above {AppContext.BaseDirectory}");
    }
}
