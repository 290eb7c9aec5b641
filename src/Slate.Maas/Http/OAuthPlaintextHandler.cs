using System.Globalization;
using System.Security.Cryptography;

namespace Slate.Maas.Http;

/// <summary>Signs every request with MAAS's OAuth 1.0a PLAINTEXT header (consumer secret empty, so the signature is <c>&amp;secret</c>).</summary>
internal sealed class OAuthPlaintextHandler(MaasCredentials credentials, TimeProvider timeProvider) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", BuildHeader());
        return base.SendAsync(request, ct);
    }

    internal string BuildHeader()
    {
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        (string Name, string Value)[] parameters =
        [
            ("realm", ""),
            ("oauth_version", "1.0"),
            ("oauth_signature_method", "PLAINTEXT"),
            ("oauth_consumer_key", credentials.ConsumerKey),
            ("oauth_token", credentials.TokenKey),
            ("oauth_signature", "&" + credentials.TokenSecret),
            ("oauth_nonce", nonce),
            ("oauth_timestamp", timestamp),
        ];
        return "OAuth " + string.Join(", ", parameters.Select(p => $"{p.Name}=\"{Uri.EscapeDataString(p.Value)}\""));
    }
}
