using System.Net;
using System.Net.Sockets;

namespace Slate.Runbook.BundleCheck.Rules;

/// <summary>The bundle's VIPs: the <c>vip</c> option of each application related to a hacluster application.</summary>
internal static class HaclusterVips
{
    public static bool Backs(Bundle bundle, BundleApplication app) =>
        app.CharmName != "hacluster" && bundle.RelatedTo(app.Name).Any(other => other.CharmName == "hacluster");

    /// <summary>The hacluster-backed applications, by name.</summary>
    public static IEnumerable<BundleApplication> Applications(Bundle bundle) =>
        bundle.Applications.Values.Where(app => Backs(bundle, app)).OrderBy(app => app.Name, StringComparer.Ordinal);

    public static IReadOnlyList<string> Texts(string vip) =>
        vip.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IPAddress? Ipv4(string text) =>
        IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork ? address : null;

    /// <summary>The IPv4 addresses of an application's vip; text that is none is <see cref="VipRule"/>'s to report.</summary>
    public static IReadOnlyList<IPAddress> Addresses(BundleApplication app) =>
        Texts(app.Option("vip") ?? "").Select(Ipv4).OfType<IPAddress>().ToList();

    /// <summary>Every address of every hacluster-backed application's vip.</summary>
    public static IEnumerable<IPAddress> All(Bundle bundle) => Applications(bundle).SelectMany(Addresses);
}
