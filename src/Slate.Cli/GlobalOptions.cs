using System.CommandLine;

namespace Slate.Cli;

/// <summary>Options every command accepts (recursive on the root command).</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Site = new("--site")
    {
        Description = "Site file describing the cloud (default: $SLATE_SITE, else ./slate.yaml)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON instead of tables",
        Recursive = true,
    };

    public static readonly Option<string?> MaasProfile = new("--maas-profile")
    {
        Description = "Read MAAS URL and API key from this maas CLI profile instead of MAAS_URL/MAAS_API_KEY",
        Recursive = true,
    };

    public static readonly Option<string?> Libvirt = new("--libvirt")
    {
        Description = "libvirt URI of the hypervisor (default: $SLATE_LIBVIRT_URI, else the site's libvirt.uri); lab+http://… for a served lab",
        Recursive = true,
    };

    public static string SitePath(ParseResult result, IReadOnlyDictionary<string, string?> env) =>
        result.GetValue(Site) ?? env.GetValueOrDefault("SLATE_SITE") ?? "slate.yaml";
}
