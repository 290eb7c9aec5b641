using Slate.Runbook.BundleCheck;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Tests.BundleCheck;

/// <summary>A temp folder holding the project's bundle (possibly edited), its policyd zip and any test overlays.</summary>
internal sealed class BundleWorkspace : IDisposable
{
    private static readonly string Sites = Path.Combine(AppContext.BaseDirectory, "sites");

    public string Dir { get; } = Directory.CreateTempSubdirectory("slate-bundle-").FullName;

    public Site Site { get; } = SiteLoader.Load(Path.Combine(Sites, "caracal-testcloud.yaml"));

    public static string ProjectBundleText => File.ReadAllText(Path.Combine(Sites, "caracal-testcloud.bundle.yaml"));

    public BundleWorkspace() =>
        File.Copy(Path.Combine(Sites, "keystone-policyd-override.zip"), Path.Combine(Dir, "keystone-policyd-override.zip"));

    public IReadOnlyDictionary<string, string> SiteMacs => Site.Hosts.ToDictionary(h => h.Name, h => h.ProviderMac!);

    public string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The project bundle with each edit applied; an edit whose text is not found exactly once fails the test.</summary>
    public string BundleWith(params (string Old, string New)[] edits)
    {
        var text = ProjectBundleText;
        foreach (var (old, replacement) in edits)
        {
            var count = (text.Length - text.Replace(old, "", StringComparison.Ordinal).Length) / old.Length;
            Assert.True(count == 1, $"edit target found {count} times in the bundle: {old}");
            text = text.Replace(old, replacement, StringComparison.Ordinal);
        }
        return Write("bundle.yaml", text);
    }

    public BundleCheckReport Check(string bundlePath, params string[] overlays) =>
        BundleChecker.Check(new BundleCheckRequest(Site, bundlePath, overlays, SiteMacs, null));

    public static IReadOnlyList<string> FailedRules(BundleCheckReport report) =>
        report.Results.Where(r => !r.Passed).Select(r => r.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
