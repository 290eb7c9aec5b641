using System.CommandLine;
using Slate.Runbook.Sites;

namespace Slate.Cli;

/// <summary>
/// Where a run's inputs and connections come from, resolved once from the flags and the environment: a flag wins over
/// its variable; an empty variable counts as unset, except where an empty value can only be a mistake.
/// </summary>
/// <param name="SitePath">--site, else $SLATE_SITE, else null (the caller's default).</param>
/// <param name="LibvirtUri">--libvirt, else $SLATE_LIBVIRT_URI, else null (the site's libvirt.uri).</param>
/// <param name="JournalPath">--journal, else $SLATE_JOURNAL, else null (the state folder of the site's cloud).</param>
internal sealed record SlateSettings(
    string? SitePath,
    string? MaasProfile,
    string? LibvirtUri,
    string JujuExecutable,
    string? JournalPath,
    IReadOnlyDictionary<string, string?> Environment)
{
    /// <summary>The site file a command that needs one reads: --site, else $SLATE_SITE, else ./slate.yaml.</summary>
    public string SiteFile => SitePath ?? DefaultSite;

    private const string DefaultSite = "slate.yaml";

    /// <summary>The site of a command that needs one; a first run with none says what is missing and the ways on.</summary>
    /// <exception cref="CliInputException">No site named and no ./slate.yaml.</exception>
    public Site LoadSite() => SitePath is null && !File.Exists(DefaultSite)
        ? throw new CliInputException($"no site file: there is no ./{DefaultSite} and neither --site FILE nor ${SlateVariables.Site} names one. " +
            "Write one (sites/caracal-testcloud.yaml documents every key), or try Slate first on its built-in lab: `slate rehearse`")
        : SiteLoader.Load(SiteFile);

    public static SlateSettings Resolve(ParseResult result, IReadOnlyDictionary<string, string?> env) => new(
        result.GetValue(GlobalOptions.Site) ?? Variable(env, SlateVariables.Site),
        result.GetValue(GlobalOptions.MaasProfile),
        result.GetValue(GlobalOptions.Libvirt) ?? NonEmpty(env, SlateVariables.LibvirtUri),
        NonEmpty(env, SlateVariables.Juju) ?? "juju",
        result.GetValue(GlobalOptions.Journal) ?? Variable(env, SlateVariables.Journal),
        env);

    private static string? Variable(IReadOnlyDictionary<string, string?> env, string name) =>
        env.GetValueOrDefault(name) is { Length: > 0 } value ? value : null;

    /// <summary>A set-but-empty connection variable names nothing to connect to: say so instead of guessing.</summary>
    private static string? NonEmpty(IReadOnlyDictionary<string, string?> env, string name) => env.GetValueOrDefault(name) switch
    {
        null => null,
        { Length: 0 } => throw new CliInputException($"${name} is set but empty: unset it or give a value"),
        var value => value,
    };
}
