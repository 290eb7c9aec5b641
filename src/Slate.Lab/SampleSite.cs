using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Slate.Runbook.Sites;

namespace Slate.Lab;

/// <summary>
/// The runbook's cloud, built into the binary so `slate rehearse` and `slate lab serve` work with no files around:
/// the site file, the cloud's bundle and the keystone policyd override the bundle names.
/// </summary>
public static partial class SampleSite
{
    private const int FirstHostNumber = 10;
    private const int FirstVipHostPart = 50;
    public const string Name = "caracal-testcloud.yaml";
    public const string BundleName = "caracal-testcloud.bundle.yaml";
    private static readonly string[] Files = [Name, BundleName, "keystone-policyd-override.zip"];

    public static string Text() => Read(Name);

    public static Site Load() => SiteLoader.Parse(Text(), $"{Name} (built-in)");

    /// <summary>The built-in cloud grown (or shrunk) to <paramref name="count"/> hosts openstack0..N-1, for scale rehearsals.</summary>
    public static string TextWithHosts(int count)
    {
        var hosts = new StringBuilder("hosts:\n");
        for (var i = 0; i < count; i++)
            hosts.Append(CultureInfo.InvariantCulture, $"  - {{ name: openstack{i}, n: {FirstHostNumber + i} }}\n");
        return Regex.Replace(Text(), @"^hosts:\n(  - .*\n)+", hosts.ToString(), RegexOptions.Multiline);
    }

    /// <summary>
    /// The built-in bundle for <see cref="TextWithHosts"/>: the ovn-chassis mappings name every host's provider NIC (the
    /// lab's MAC for it, <see cref="Hypervisor.LabMacs"/>), and the VIPs move past the last host's number and the addresses
    /// the lab gives the orphans and protected machines next (the lowest free ones), so that no node holds a VIP.
    /// </summary>
    public static string BundleTextWithHosts(int count)
    {
        var text = Read(BundleName);
        var site = Load();
        var shift = Math.Max(0, FirstHostNumber + count + site.Orphans.Count + site.Protected.Count - FirstVipHostPart);
        text = Vips().Replace(text, m => m.Groups[1].Value + string.Join(' ', m.Groups[2].Value.Split(' ').Select(a => Shifted(a, shift))));
        var mappings = string.Join(' ', Enumerable.Range(FirstHostNumber, count).Select(n => "br-ex:" + Hypervisor.LabMacs.For(n, 0)));
        return ChassisMappings().Replace(text, m => m.Groups[1].Value + mappings);
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

    private static string Read(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }

    private static string Shifted(string address, int shift) =>
        AddressRange.FromNumber(AddressRange.Number(IPAddress.Parse(address)) + (uint)shift).ToString();

    [GeneratedRegex(@"^(\s+vip: )([0-9. ]+)$", RegexOptions.Multiline)]
    private static partial Regex Vips();

    [GeneratedRegex(@"^(\s+bridge-interface-mappings: >-\n\s+)(.+)$", RegexOptions.Multiline)]
    private static partial Regex ChassisMappings();

    private static Stream Open(string name) => typeof(SampleSite).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"the built-in {name} is missing from this build");
}
