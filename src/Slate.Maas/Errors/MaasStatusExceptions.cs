using System.Net;

namespace Slate.Maas.Errors;

public sealed class MaasUnauthorizedException(string method, string path, string body)
    : MaasApiException(Describe(method, path, HttpStatusCode.Unauthorized, body) + " Check the MAAS API key.",
        method, path, HttpStatusCode.Unauthorized, body);

public sealed class MaasForbiddenException(string method, string path, string body)
    : MaasApiException(Describe(method, path, HttpStatusCode.Forbidden, body), method, path, HttpStatusCode.Forbidden, body);

public sealed class MaasNotFoundException(string method, string path, string body)
    : MaasApiException(Describe(method, path, HttpStatusCode.NotFound, body), method, path, HttpStatusCode.NotFound, body);

/// <summary>409: the object is in the wrong state, or the server's DB retry budget ran out (then with Retry-After).</summary>
public sealed class MaasConflictException(string method, string path, string body, TimeSpan? retryAfter)
    : MaasApiException(Describe(method, path, HttpStatusCode.Conflict, body), method, path, HttpStatusCode.Conflict, body)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>503: MAAS (or its rack/BMC) is temporarily unable to do it.</summary>
public sealed class MaasUnavailableException(string method, string path, string body, TimeSpan? retryAfter)
    : MaasApiException(Describe(method, path, HttpStatusCode.ServiceUnavailable, body),
        method, path, HttpStatusCode.ServiceUnavailable, body)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
