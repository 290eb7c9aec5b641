using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Slate.Lab;

/// <summary>The lab token the lab-only endpoints (juju, hypervisor) require as `Authorization: Bearer`, compared in constant time.</summary>
internal sealed class LabBearerToken(string token)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes("Bearer " + token);

    public bool Admits(HttpContext context) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString()), _expected);
}
