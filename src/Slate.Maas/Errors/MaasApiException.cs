using System.Net;

namespace Slate.Maas.Errors;

/// <summary>A MAAS request failed. <see cref="Path"/> carries the resource path and op only, never other query values.</summary>
public class MaasApiException(
    string message, string method, string path, HttpStatusCode? statusCode, string body, Exception? inner = null)
    : Exception(message, inner)
{
    public string Method { get; } = method;
    public string Path { get; } = path;

    /// <summary>Null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;

    public string Body { get; } = body;

    internal static string Describe(string method, string path, HttpStatusCode status, string body)
    {
        var text = body.Length > 500 ? body[..500] + "…" : body;
        return $"MAAS answered {method} {path} with {(int)status} {status}" + (text.Length > 0 ? $": {text}" : ".");
    }
}
