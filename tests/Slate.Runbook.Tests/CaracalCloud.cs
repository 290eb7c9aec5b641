using Slate.Runbook.Ports;
using Slate.Runbook.Preflight;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Sites;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests;

/// <summary>The project's site and the MAAS answers that match it, for step-logic tests.</summary>
internal static class CaracalCloud
{
    public static readonly Site Caracal = SiteLoader.Load(SiteFiles.CaracalPath);

    /// <summary>One MAAS space per plane, each holding exactly the plane's CIDR.</summary>
    public static List<MaasSpace> SixSpaces() =>
        Caracal.Planes.Select((p, i) => new MaasSpace(i + 1, p.Name, [p.Cidr.ToString()])).ToList();

    public static MaasMachine Deployed(string host, string id) => new(id, host, 6, "Deployed", "on", "pod-1", []);

    /// <summary>Identity, then pre-flight's observation of this site, as the step runner gets it.</summary>
    public static async Task<PreflightReport> PreflightAsync(IMaas maas, IHypervisor hypervisor, IJuju juju) =>
        (await new PreflightStep(new TestServices(Caracal, maas, juju, hypervisor, TimeProvider.System)).ReadAsync(CancellationToken.None)).Observation;
}
