using System.Net;
using Slate.Runbook.Sites;
using static Slate.Runbook.BundleCheck.BundleRuleResult;

namespace Slate.Runbook.BundleCheck.Rules;

/// <summary>
/// Every hacluster-backed application (and every API charm, which must be one) has a VIP triple: one address in each
/// vip plane, all with the same host part (10.12.4.X 10.12.8.X 10.12.12.X), no host's own address, no other app's VIP.
/// </summary>
internal static class VipRule
{
    public static IEnumerable<BundleRuleResult> Check(BundleRuleContext context)
    {
        var bundle = context.Bundle;
        var planes = context.Site.Bundle.VipPlanes.Select(context.Site.Plane).ToList();
        var hostNumbers = context.Site.Hosts.ToDictionary(h => h.Number, h => h.Name);
        var hostPartOwners = new Dictionary<long, string>();
        var subjects = bundle.Applications.Values
            .Where(app => HaclusterVips.Backs(bundle, app) || context.Site.Bundle.ApiCharms.Contains(app.Name))
            .OrderBy(app => app.Name, StringComparer.Ordinal);
        foreach (var app in subjects)
        {
            var problem = !HaclusterVips.Backs(bundle, app)
                ? "is an API charm of the site but has no relation to a hacluster application"
                : Problem(app.Option("vip"), planes, hostNumbers, hostPartOwners, app.Name);
            yield return problem is null
                ? Pass(BundleRuleIds.Vip, app.Name, $"vip '{app.Option("vip")}': one address per plane ({string.Join(", ", planes.Select(p => p.Name))}), same host part")
                : Fail(BundleRuleIds.Vip, app.Name, problem);
        }
    }

    private static string? Problem(
        string? vip, IReadOnlyList<Plane> planes, Dictionary<int, string> hostNumbers, Dictionary<long, string> hostPartOwners, string app)
    {
        if (string.IsNullOrWhiteSpace(vip))
            return "is hacluster-backed but sets no vip";
        var addresses = new List<IPAddress>();
        foreach (var text in HaclusterVips.Texts(vip))
        {
            if (HaclusterVips.Ipv4(text) is not { } address)
                return $"vip '{vip}': '{text}' is not an IPv4 address";
            addresses.Add(address);
        }
        if (addresses.Count != planes.Count)
            return $"vip '{vip}' has {addresses.Count} address(es); expected {planes.Count}, one in each of {string.Join(", ", planes.Select(p => $"{p.Name} ({p.Cidr})"))}";
        var hostParts = new List<long>();
        foreach (var plane in planes)
        {
            var inPlane = addresses.Where(plane.Cidr.Contains).ToList();
            if (inPlane.Count != 1)
                return $"vip '{vip}' has {inPlane.Count} address(es) in {plane.Name} ({plane.Cidr}); expected exactly one";
            hostParts.Add((long)AddressRange.Number(inPlane[0]) - AddressRange.Number(plane.Cidr.BaseAddress));
        }
        if (hostParts.Distinct().Count() != 1)
            return $"vip '{vip}': the host parts differ ({string.Join(", ", hostParts)}); the triple must share one";
        var hostPart = hostParts[0];
        if (!planes.All(p => p.HoldsHostNumber((int)hostPart)))
            return $"vip '{vip}': host part {hostPart} is a network or broadcast address";
        if (hostNumbers.TryGetValue((int)hostPart, out var host))
            return $"vip '{vip}': host part {hostPart} is the address of host {host}";
        if (hostPartOwners.TryGetValue(hostPart, out var owner))
            return $"vip '{vip}': host part {hostPart} is already the VIP of {owner}";
        hostPartOwners[hostPart] = app;
        return null;
    }
}
