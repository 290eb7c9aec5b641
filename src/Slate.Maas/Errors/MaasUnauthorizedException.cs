using System.Net;

namespace Slate.Maas.Errors;

public sealed class MaasUnauthorizedException(string method, string path, string body)
    : MaasApiException(Describe(method, path, HttpStatusCode.Unauthorized, body) + " Check the MAAS API key.",
        method, path, HttpStatusCode.Unauthorized, body);
