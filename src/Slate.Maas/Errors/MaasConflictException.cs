using System.Globalization;
using System.Net;

namespace Slate.Maas.Errors;

/// <summary>
/// 409: the object is in the wrong state (MAAS's text/plain reason), or — with Retry-After — MAAS's database retries ran
/// out and it rolled the request back; its body is then an HTML page, so the message does not quote it
/// (canonical/maas src/maasserver/utils/views.py, HttpResponseConflict; src/maasserver/templates/409.html).
/// </summary>
public sealed class MaasConflictException(string method, string path, string body, TimeSpan? retryAfter)
    : MaasApiException(retryAfter is { } wait ? RolledBack(method, path, wait) : Describe(method, path, HttpStatusCode.Conflict, body),
        method, path, HttpStatusCode.Conflict, body)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;

    private static string RolledBack(string method, string path, TimeSpan wait) => string.Create(CultureInfo.InvariantCulture,
        $"MAAS answered {method} {path} with 409 Conflict and Retry-After {wait.TotalSeconds:0.#} s: it rolled the request back (its database retries ran out) and asks for it again.");
}
