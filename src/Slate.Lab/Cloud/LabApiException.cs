namespace Slate.Lab.Cloud;

/// <summary>A MAAS API error: the status code and body MAAS would answer with.</summary>
public sealed class LabApiException : Exception
{
    private LabApiException(int statusCode, string message, IReadOnlyDictionary<string, string[]>? fieldErrors)
        : base(message)
    {
        StatusCode = statusCode;
        FieldErrors = fieldErrors;
    }

    public int StatusCode { get; }

    /// <summary>Set for validation errors MAAS renders as a JSON field → messages map.</summary>
    public IReadOnlyDictionary<string, string[]>? FieldErrors { get; }

    public static LabApiException BadRequest(string message) => new(400, message, null);

    public static LabApiException Invalid(string field, string message) =>
        new(400, $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });

    public static LabApiException Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")), errors);

    public static LabApiException Conflict(string message) => new(409, message, null);

    public static LabApiException Unavailable(string message) => new(503, message, null);

    /// <summary>A 404 with MAAS's own text (StaticIPAddressUnavailable and the like).</summary>
    public static LabApiException NotFoundText(string message) => new(404, message, null);

    public static LabApiException NotFound(string model) => new(404, $"No {model} matches the given query.", null);
}
