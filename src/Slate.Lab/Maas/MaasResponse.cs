using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Slate.Lab.Cloud;

namespace Slate.Lab.Maas;

/// <summary>A fully rendered answer, built under the cloud lock and written after it is released.</summary>
internal sealed record MaasResponse(int Status, string ContentType, byte[] Body)
{
    /// <summary>Sent as Retry-After when set (MAAS's 409 on exhausted DB retries, 503 on unreachable services).</summary>
    public int? RetryAfterSeconds { get; init; }

    public static MaasResponse Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        return new MaasResponse(200, "application/json", buffer.WrittenSpan.ToArray());
    }

    public static MaasResponse Text(int status, string text) => new(status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));

    public static MaasResponse NoContent { get; } = new(204, "", []);

    public static MaasResponse From(LabApiException error) => error.FieldErrors is { } fields
        ? Json(w =>
        {
            w.WriteStartObject();
            foreach (var (field, messages) in fields)
            {
                w.WriteStartArray(field);
                foreach (var message in messages) w.WriteStringValue(message);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }) with { Status = error.StatusCode }
        : Text(error.StatusCode, error.Message);

    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        if (RetryAfterSeconds is { } seconds) response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (Status == 204) return;
        response.ContentType = ContentType;
        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body);
    }
}
