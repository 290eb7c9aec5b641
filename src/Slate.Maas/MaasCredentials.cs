using System.Text.RegularExpressions;
using Slate.Maas.Errors;
using Slate.Maas.Profiles;

namespace Slate.Maas;

/// <summary>Where MAAS is and the API key to use. <see cref="ToString"/> never shows the key.</summary>
public sealed partial record MaasCredentials
{
    public MaasCredentials(Uri ApiRoot, string ApiKey)
    {
        this.ApiRoot = ApiRoot ?? throw new MaasConfigurationException("MAAS URL is missing.");
        this.ApiKey = ApiKey ?? throw new MaasConfigurationException("MAAS API key is missing.");
        ApiBase = NormaliseApiBase(ApiRoot);
        var parts = ApiKey.Split(':');
        if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace))
            throw new MaasConfigurationException(
                "MAAS API key must have exactly 3 non-empty ':'-separated parts (consumer_key:token_key:token_secret).");
        (ConsumerKey, TokenKey, TokenSecret) = (parts[0], parts[1], parts[2]);
    }

    public Uri ApiRoot { get; }
    public string ApiKey { get; }

    /// <summary>The API 2.0 base every resource path is relative to: <c>…/MAAS/api/2.0/</c>.</summary>
    public Uri ApiBase { get; }

    internal string ConsumerKey { get; }
    internal string TokenKey { get; }
    internal string TokenSecret { get; }

    public static MaasCredentials FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        var url = environment.GetValueOrDefault("MAAS_URL");
        var key = environment.GetValueOrDefault("MAAS_API_KEY");
        if (string.IsNullOrWhiteSpace(url))
            throw new MaasConfigurationException("MAAS_URL is not set.");
        if (string.IsNullOrWhiteSpace(key))
            throw new MaasConfigurationException("MAAS_API_KEY is not set.");
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var root))
            throw new MaasConfigurationException($"MAAS_URL {WhyNotAnUrl(url.Trim())} (e.g. http://maas:5240/MAAS/); " +
                                                 "its value is not shown: it may carry a password or a key.");
        return new MaasCredentials(root, key.Trim());
    }

    /// <summary>
    /// The profile <c>maas login NAME URL KEY</c> saved as <paramref name="name"/> in the maas CLI's database
    /// (default <c>$HOME/.maascli.db</c>), read without modifying it.
    /// </summary>
    public static MaasCredentials FromProfile(string name, string? databasePath = null) =>
        MaasCliProfileDatabase.Read(databasePath ?? MaasCliProfileDatabase.DefaultPath(), name);

    public override string ToString() => $"MaasCredentials {{ ApiRoot = {ApiRoot}, ApiKey = *** }}";

    // Same rule as gomaasapi: an URL ending in api/<x.y>/ must be 2.0, anything else is the MAAS root.
    private static Uri NormaliseApiBase(Uri root)
    {
        // Neither message echoes the URL: it may carry a password.
        if (!root.IsAbsoluteUri || (root.Scheme != Uri.UriSchemeHttp && root.Scheme != Uri.UriSchemeHttps))
            throw new MaasConfigurationException(
                $"MAAS URL must be an absolute http(s) URL, not {(root.IsAbsoluteUri ? $"'{root.Scheme}:'" : "a relative one")}.");
        if (root.UserInfo.Length > 0)
            throw new MaasConfigurationException(
                "MAAS URL must not carry a user or password: MAAS authenticates with the API key alone.");
        var builder = new UriBuilder(root) { Query = "", Fragment = "" };
        var match = ApiVersionSuffix().Match(builder.Path);
        if (match.Success)
        {
            if (match.Groups["version"].Value != "2.0")
                throw new MaasConfigurationException(
                    $"MAAS URL names API version {match.Groups["version"].Value}; only 2.0 is supported.");
            builder.Path = match.Groups["root"].Value + "api/2.0/";
        }
        else
        {
            builder.Path = (builder.Path.EndsWith('/') ? builder.Path : builder.Path + "/") + "api/2.0/";
        }
        return builder.Uri;
    }

    private static string WhyNotAnUrl(string url) =>
        !url.Contains("://", StringComparison.Ordinal) ? "is not an absolute URL: it has no scheme:// part"
        : url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? "holds spaces or control characters"
        : "is not a valid absolute URL: check its host and port";

    [GeneratedRegex(@"^(?<root>.*/)api/(?<version>\d+\.\d+)/?$")]
    private static partial Regex ApiVersionSuffix();
}
