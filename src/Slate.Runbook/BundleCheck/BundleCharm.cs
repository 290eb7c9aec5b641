using System.Text.RegularExpressions;

namespace Slate.Runbook.BundleCheck;

internal static partial class BundleCharm
{
    /// <summary><c>ch:keystone</c>, <c>cs:~openstack-charmers-next/hacluster-72</c> and <c>./keystone_ubuntu@24.04-amd64.charm</c> name keystone/hacluster/keystone.</summary>
    public static string NameOf(string charm)
    {
        var name = charm;
        if (name.StartsWith("ch:", StringComparison.Ordinal) || name.StartsWith("cs:", StringComparison.Ordinal))
            name = name[3..];
        name = name[(name.LastIndexOf('/') + 1)..];
        if (name.EndsWith(".charm", StringComparison.Ordinal))
            return name[..name.IndexOfAny(['_', '.'])];
        return charm.StartsWith("cs:", StringComparison.Ordinal) ? LegacyRevision().Replace(name, "") : name;
    }

    [GeneratedRegex(@"-\d+$")]
    private static partial Regex LegacyRevision();
}
