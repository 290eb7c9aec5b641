using System.Net;

namespace Slate.Maas.Errors;

public sealed class MaasForbiddenException(string method, string path, string body)
    : MaasApiException(Describe(method, path, HttpStatusCode.Forbidden, body), method, path, HttpStatusCode.Forbidden, body);
