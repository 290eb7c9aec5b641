using System.Text;
using Slate.Runbook.BundleCheck;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Files;

namespace Slate.Runbook.Tests.Yaml;

/// <summary>Every YAML reader (site, bundle, overlay) refuses nested aliases and deep nesting with one line, at once.</summary>
public sealed class YamlBombTests : IDisposable
{
    private readonly SpecialFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>About 1 KB whose last alias stands for 10^9 scalars.</summary>
    private static string BillionLaughs(string underKey)
    {
        var text = new StringBuilder($"{underKey}:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 8; level++)
            text.Append($"  l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");
        return text.Append("  l9: [" + string.Join(", ", Enumerable.Repeat("*l8", 10)) + "]\n").ToString();
    }

    private static string DeepNesting(int levels) => "applications: " + new string('[', levels) + new string(']', levels) + "\n";

    private string Write(string name, string text)
    {
        var path = Path.Combine(files.Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_billion_laughs_bundle_is_refused()
    {
        var bundle = Write("bundle.yaml", BillionLaughs("variables") + "applications:\n  a:\n    charm: a\n");
        Assert.True(new FileInfo(bundle).Length < 1500);

        var error = SpecialFiles.Refused<BundleFileException>(() => BundleLoader.Load(bundle, []));

        Assert.Equal("yaml", error.Key);
        Assert.Contains("aliases expand to more than 100,000 nodes", error.Problem);
    }

    [Fact]
    public void A_billion_laughs_overlay_is_refused()
    {
        var bundle = Write("bundle.yaml", "applications:\n  a:\n    charm: a\n");
        var overlay = Write("overlay.yaml", BillionLaughs("variables"));

        var error = SpecialFiles.Refused<BundleFileException>(() => BundleLoader.Load(bundle, [overlay]));

        Assert.Equal((overlay, "yaml"), (error.File, error.Key));
    }

    [Fact]
    public void A_billion_laughs_site_is_refused()
    {
        var site = Write("site.yaml", BillionLaughs("cloud"));

        var error = SpecialFiles.Refused<SiteFileException>(() => SiteLoader.Load(site));

        Assert.Equal("yaml", error.Field);
        Assert.Contains("aliases expand", error.Problem);
    }

    [Fact]
    public void Fifty_thousand_nesting_levels_are_refused_without_overflowing_the_stack()
    {
        var bundle = Write("bundle.yaml", DeepNesting(50_000));
        var site = Write("site.yaml", DeepNesting(50_000));

        var asBundle = SpecialFiles.Refused<BundleFileException>(() => BundleLoader.Load(bundle, []));
        var asSite = SpecialFiles.Refused<SiteFileException>(() => SiteLoader.Load(site));

        Assert.Equal("nested deeper than 100 levels", asBundle.Problem);
        Assert.Equal("nested deeper than 100 levels", asSite.Problem);
    }

    [Fact]
    public void Nesting_within_the_limit_and_repeated_small_aliases_still_load()
    {
        var anchors = "variables:\n  b: &b {\"\": metal}\n";
        var apps = string.Concat(Enumerable.Range(0, 200).Select(i => $"  app{i}:\n    charm: c\n    bindings: *b\n"));
        var bundle = Write("bundle.yaml", anchors + "applications:\n" + apps + "description: " + new string('[', 90) + new string(']', 90) + "\n");

        var loaded = BundleLoader.Load(bundle, []);

        Assert.Equal(200, loaded.Applications.Count);
        Assert.Equal("metal", loaded.Applications["app199"].Bindings[""]);
    }
}
