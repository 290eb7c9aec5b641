using Slate.Runbook.Sites;

namespace Slate.Lab;

/// <summary>The runbook's cloud, built into the binary so `slate rehearse` and `slate lab serve` work with no site file.</summary>
public static class SampleSite
{
    public const string Name = "caracal-testcloud.yaml";

    public static string Text()
    {
        using var stream = typeof(SampleSite).Assembly.GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException($"the built-in {Name} is missing from this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static Site Load() => SiteLoader.Parse(Text(), $"{Name} (built-in)");
}
