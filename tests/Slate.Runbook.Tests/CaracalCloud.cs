using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Sites;

namespace Slate.Runbook.Tests;

/// <summary>The project's site and the MAAS answers that match it, for step-logic tests.</summary>
internal static class CaracalCloud
{
    public static readonly Site Caracal = SiteLoader.Load(SiteFiles.CaracalPath);

    /// <summary>One MAAS space per plane, each holding exactly the plane's CIDR.</summary>
    public static List<MaasSpace> SixSpaces() =>
        Caracal.Planes.Select((p, i) => new MaasSpace(i + 1, p.Name, [p.Cidr.ToString()])).ToList();

    public static MaasMachine Deployed(string host, string id) => new(id, host, 6, "Deployed", "on", "pod-1", []);
}
