using System.Net;
using System.Text.Json;
using Slate.Maas.Errors;

namespace Slate.Maas.Http;

internal static class MaasErrorMapper
{
    public static async Task<MaasApiException> ToExceptionAsync(
        HttpResponseMessage response, string method, string path, TimeProvider time, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var retryAfter = MaasConnection.RetryAfter(response, time);
        return response.StatusCode switch
        {
            HttpStatusCode.BadRequest => new MaasBadRequestException(method, path, body, ParseFieldErrors(body)),
            HttpStatusCode.Unauthorized => new MaasUnauthorizedException(method, path, body),
            HttpStatusCode.Forbidden => new MaasForbiddenException(method, path, body),
            HttpStatusCode.NotFound => new MaasNotFoundException(method, path, body),
            HttpStatusCode.Conflict => new MaasConflictException(method, path, body, retryAfter),
            HttpStatusCode.ServiceUnavailable => new MaasUnavailableException(method, path, body, retryAfter),
            // A write's 504 may have happened; a read's 504 (MAAS's RPC timeout) is just a failed read.
            HttpStatusCode.GatewayTimeout when method != "GET" =>
                new MaasOutcomeUnknownException(method, path, response.StatusCode, body),
            var status => new MaasApiException(MaasApiException.Describe(method, path, status, body), method, path, status, body),
        };
    }

    // MAAS validation errors are {"field": ["msg", …], "__all__": [...]}; a JSON list of messages counts as __all__.
    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> ParseFieldErrors(string body)
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        var trimmed = body.TrimStart();
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '[')) return errors;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
                errors["__all__"] = Messages(root);
            else if (root.ValueKind == JsonValueKind.Object)
                foreach (var field in root.EnumerateObject())
                    errors[field.Name] = Messages(field.Value);
        }
        catch (JsonException)
        {
            errors.Clear();
        }
        return errors;
    }

    private static string[] Messages(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(Text).ToArray(),
        _ => [Text(value)],
    };

    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
