using System.Net;

namespace Slate.Maas.Errors;

/// <summary>400. <see cref="FieldErrors"/> holds MAAS's field → messages map (incl. <c>__all__</c>) when the body is one.</summary>
public sealed class MaasBadRequestException(
    string method, string path, string body, IReadOnlyDictionary<string, IReadOnlyList<string>> fieldErrors)
    : MaasApiException(Describe(method, path, HttpStatusCode.BadRequest, body), method, path, HttpStatusCode.BadRequest, body)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors { get; } = fieldErrors;
}
