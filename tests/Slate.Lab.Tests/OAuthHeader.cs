namespace Slate.Lab.Tests;

/// <summary>Builds MAAS OAuth 1.0a PLAINTEXT Authorization headers in the shapes real clients send.</summary>
internal static class OAuthHeader
{
    public static string Quoted(string apiKey)
    {
        var (consumer, token, secret) = Split(apiKey);
        // gomaasapi's shape: quoted, percent-encoded, realm first.
        return $"OAuth realm=\"MAAS+API\", oauth_consumer_key=\"{consumer}\", oauth_token=\"{token}\", " +
               $"oauth_signature_method=\"PLAINTEXT\", oauth_signature=\"%26{secret}\", oauth_timestamp=\"{Now()}\", " +
               $"oauth_nonce=\"{Guid.NewGuid():N}\", oauth_version=\"1.0\"";
    }

    public static string Unquoted(string apiKey)
    {
        var (consumer, token, secret) = Split(apiKey);
        // The MAAS docs' curl shape: unquoted, raw '&', different order, no realm.
        return $"OAuth oauth_version=1.0, oauth_signature_method=PLAINTEXT, oauth_consumer_key={consumer}, " +
               $"oauth_token={token}, oauth_signature=&{secret}, oauth_nonce={Guid.NewGuid():N}, oauth_timestamp={Now()}";
    }

    private static (string, string, string) Split(string apiKey)
    {
        var parts = apiKey.Split(':');
        return (parts[0], parts[1], parts[2]);
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
