using System.CommandLine;

namespace Slate.Cli;

/// <summary>Options several commands share; each command adds the ones it uses, so its --help lists only those.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Site = new("--site")
    {
        Description = "Site file describing the cloud (default: $SLATE_SITE, else ./slate.yaml)",
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON instead of tables",
    };

    public static readonly Option<string?> MaasProfile = new("--maas-profile")
    {
        Description = "Read MAAS URL and API key from this maas CLI profile instead of MAAS_URL/MAAS_API_KEY",
    };

    public static readonly Option<string?> Libvirt = new("--libvirt")
    {
        Description = "libvirt URI of the hypervisor (default: $SLATE_LIBVIRT_URI, else the site's libvirt.uri); lab+http://… for a served lab",
    };

    public const string SiteVariable = "SLATE_SITE";

    public static string SitePath(ParseResult result, IReadOnlyDictionary<string, string?> env) => GivenSitePath(result, env) ?? "slate.yaml";

    /// <summary>--site, else $SLATE_SITE; null when neither names a file (an empty variable counts as unset).</summary>
    public static string? GivenSitePath(ParseResult result, IReadOnlyDictionary<string, string?> env) =>
        result.GetValue(Site) ?? (env.GetValueOrDefault(SiteVariable) is { Length: > 0 } path ? path : null);
}
