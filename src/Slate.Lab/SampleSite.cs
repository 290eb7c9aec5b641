using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Slate.Runbook.Sites;

namespace Slate.Lab;

/// <summary>
/// The runbook's cloud, built into the binary so `slate rehearse` and `slate lab serve` work with no files around:
/// the site file, the cloud's bundle and the keystone policyd override the bundle names.
/// </summary>
public static class SampleSite
{
    public const string Name = "caracal-testcloud.yaml";
    public const string BundleName = "caracal-testcloud.bundle.yaml";
    private static readonly string[] Files = [Name, BundleName, "keystone-policyd-override.zip"];

    public static string Text()
    {
        using var reader = new StreamReader(Open(Name));
        return reader.ReadToEnd();
    }

    public static Site Load() => SiteLoader.Parse(Text(), $"{Name} (built-in)");

    /// <summary>The built-in cloud grown (or shrunk) to <paramref name="count"/> hosts openstack0..N-1, for scale rehearsals.</summary>
    public static string TextWithHosts(int count)
    {
        var hosts = new StringBuilder("hosts:\n");
        for (var i = 0; i < count; i++)
            hosts.Append(CultureInfo.InvariantCulture, $"  - {{ name: openstack{i}, n: {10 + i} }}\n");
        return Regex.Replace(Text(), @"^hosts:\n(  - .*\n)+", hosts.ToString(), RegexOptions.Multiline);
    }

    /// <summary>Writes the built-in files into <paramref name="directory"/>; returns the site file's path.</summary>
    public static string WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var name in Files)
        {
            using var source = Open(name);
            using var target = File.Create(Path.Combine(directory, name));
            source.CopyTo(target);
        }
        return Path.Combine(directory, Name);
    }

    private static Stream Open(string name) => typeof(SampleSite).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"the built-in {name} is missing from this build");
}
