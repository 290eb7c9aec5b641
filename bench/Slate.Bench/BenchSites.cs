using Slate.Lab;
using Slate.Runbook.Sites;

namespace Slate.Bench;

/// <summary>The built-in runbook cloud grown to any number of hosts.</summary>
internal static class BenchSites
{
    public static Site WithHosts(int count) => SiteLoader.Parse(SampleSite.TextWithHosts(count), $"bench-{count}.yaml");
}
