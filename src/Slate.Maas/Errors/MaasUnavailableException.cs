using System.Net;

namespace Slate.Maas.Errors;

/// <summary>503: MAAS (or its rack/BMC) is temporarily unable to do it.</summary>
public sealed class MaasUnavailableException(string method, string path, string body, TimeSpan? retryAfter)
    : MaasApiException(Describe(method, path, HttpStatusCode.ServiceUnavailable, body),
        method, path, HttpStatusCode.ServiceUnavailable, body)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
