namespace Slate.Maas.Errors;

/// <summary>MAAS could not be reached (connection refused, DNS failure, or no answer to a read).</summary>
public sealed class MaasUnreachableException(string method, string path, Uri url, string reason, Exception? inner)
    : MaasApiException($"MAAS at {url} is unreachable ({method} {path}): {reason}", method, path, null, "", inner)
{
    public Uri Url { get; } = url;
}
