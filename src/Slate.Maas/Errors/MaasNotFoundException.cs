using System.Net;

namespace Slate.Maas.Errors;

public sealed class MaasNotFoundException(string method, string path, string body)
    : MaasApiException(Describe(method, path, HttpStatusCode.NotFound, body), method, path, HttpStatusCode.NotFound, body);
