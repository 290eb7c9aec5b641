using System.Text;
using System.Text.RegularExpressions;
using Slate.Lab;
using Slate.Runbook.Sites;

namespace Slate.Bench;

/// <summary>The built-in runbook cloud, and the same cloud grown to any number of hosts.</summary>
internal static class BenchSites
{
    public static Site WithHosts(int count)
    {
        var hosts = new StringBuilder("hosts:\n");
        for (var i = 0; i < count; i++)
            hosts.Append($"  - {{ name: openstack{i}, n: {10 + i} }}\n");
        var text = Regex.Replace(SampleSite.Text(), @"^hosts:\n(  - .*\n)+", hosts.ToString(), RegexOptions.Multiline);
        return SiteLoader.Parse(text, $"bench-{count}.yaml");
    }
}
