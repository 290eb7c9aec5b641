using System.Collections;

namespace Slate.Juju;

/// <summary>
/// The environment a juju child process gets: an allow-list of what juju (or the lab's juju shim, which carries its
/// own lab URL and token) needs, taken from the caller's environment; every other variable of this process, the
/// MAAS API key, MAAS URL and lab token among them, is removed.
/// </summary>
internal static class JujuEnvironment
{
    private static readonly string[] Names =
    [
        "PATH", "HOME", "USER", "LOGNAME", "TZ", "TMPDIR", "LANG", "LANGUAGE", "JUJU_DATA",
        // The proxies juju's own HTTP client honours on the way to the controller.
        "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
        // A framework-dependent slate behind the lab shim finds its runtime here.
        "DOTNET_ROOT",
    ];

    private static readonly string[] Prefixes = ["XDG_", "LC_"];

    public static bool Allows(string name) =>
        Names.Contains(name, StringComparer.Ordinal) || Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    /// <summary>
    /// The variables to set on the child: the allowed ones from <paramref name="source"/>, and null (removed) for every
    /// other variable this process has, since a child process starts from a copy of this process's environment.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> For(IReadOnlyDictionary<string, string?> source)
    {
        var child = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            child[(string)entry.Key] = null;
        foreach (var (name, value) in source)
        {
            if (Allows(name) && value is not null) child[name] = value;
        }
        return child;
    }

    /// <summary>This process's environment, as the source when the caller gives none.</summary>
    public static IReadOnlyDictionary<string, string?> OfThisProcess() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
}
