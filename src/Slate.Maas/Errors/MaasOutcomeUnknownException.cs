using System.Net;

namespace Slate.Maas.Errors;

/// <summary>
/// A write got a 504 or no response at all: it may or may not have happened. Re-read the object, then decide.
/// </summary>
public sealed class MaasOutcomeUnknownException(
    string method, string path, HttpStatusCode? statusCode, string body, Exception? inner = null)
    : MaasApiException(
        $"The outcome of {method} {path} is unknown ({(statusCode is { } s ? $"{(int)s} {s}" : inner?.Message ?? "no response")}); " +
        "re-read the object before retrying.",
        method, path, statusCode, body, inner);
