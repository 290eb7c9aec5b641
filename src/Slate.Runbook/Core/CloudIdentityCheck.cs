using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Core;

/// <summary>The first thing every step does: prove the MAAS answering is the site's cloud.</summary>
public static class CloudIdentityCheck
{
    public static async Task<string> VerifyAsync(Site site, IMaas maas, CancellationToken ct)
    {
        var name = await maas.GetMaasNameAsync(ct).ConfigureAwait(false);
        return string.Equals(name, site.Cloud.MaasName, StringComparison.Ordinal)
            ? name
            : throw new WrongCloudException(site.Cloud.MaasName, name);
    }
}
