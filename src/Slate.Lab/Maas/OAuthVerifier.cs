using Microsoft.AspNetCore.Http;

namespace Slate.Lab.Maas;

/// <summary>
/// MAAS's OAuth 1.0a PLAINTEXT check: parameters from the Authorization header (quoted or not, percent-encoded
/// or not, any order, realm ignored) or from the query/form; signature must be "&amp;token_secret".
/// </summary>
internal sealed class OAuthVerifier
{
    private readonly string _consumerKey;
    private readonly string _tokenKey;
    private readonly string _tokenSecret;

    public OAuthVerifier(string apiKey)
    {
        var parts = apiKey.Split(':');
        if (parts.Length != 3) throw new ArgumentException("A MAAS API key has three ':'-separated parts.", nameof(apiKey));
        (_consumerKey, _tokenKey, _tokenSecret) = (parts[0], parts[1], parts[2]);
    }

    /// <summary>Null when the request is authenticated, else the 401 body MAAS answers with.</summary>
    public string? Reject(HttpRequest request, MaasCall call)
    {
        var header = request.Headers.Authorization.ToString();
        var parameters = header.StartsWith("OAuth", StringComparison.OrdinalIgnoreCase)
            ? ParseHeader(header["OAuth".Length..])
            : FromQueryOrForm(call);
        if (parameters.Count == 0) return "Forbidden";
        string Value(string key) => parameters.GetValueOrDefault(key) ?? "";
        if (Value("oauth_consumer_key") != _consumerKey) return "Authorization Error: Invalid API key.";
        if (Value("oauth_token") != _tokenKey) return $"Authorization Error: Invalid access token: {Value("oauth_token")}";
        if (!string.Equals(Value("oauth_signature_method"), "PLAINTEXT", StringComparison.OrdinalIgnoreCase)
            || Value("oauth_signature") != "&" + _tokenSecret)
        {
            return "Authorization Error: 'Invalid signature.'";
        }
        return null;
    }

    private static Dictionary<string, string> ParseHeader(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(','))
        {
            var eq = part.IndexOf('=');
            if (eq < 0) continue;
            var key = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim().Trim('"');
            result[key] = Uri.UnescapeDataString(value);
        }
        return result;
    }

    private static Dictionary<string, string> FromQueryOrForm(MaasCall call)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in new[] { "oauth_consumer_key", "oauth_token", "oauth_signature", "oauth_signature_method" })
        {
            if (call.Param(key) is { } value) result[key] = value;
        }
        return result;
    }
}
