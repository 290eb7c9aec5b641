using System.Net;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Preflight;

/// <summary>
/// MAAS devices holding addresses on the site's planes that neither a container of the model (Juju registers a device
/// per LXD container) nor a protected machine accounts for: what a torn-down model can leave behind. Their addresses
/// collide with the carve's and the next deploy's, so pre-flight names each with the command that deletes it.
/// </summary>
internal static class StrayDevices
{
    public static void Find(Site site, IReadOnlyList<MaasDevice> devices, JujuBaseline? model, IReadOnlyList<MaasMachine> machines, List<Finding> findings)
    {
        var containers = (model?.ContainerHostnames ?? []).ToHashSet(StringComparer.Ordinal);
        var protectedIds = machines.Where(m => site.IsProtected(m.Hostname)).Select(m => m.SystemId).ToHashSet(StringComparer.Ordinal);
        foreach (var device in devices.Where(d => !containers.Contains(d.Hostname) && !(d.Parent is { } parent && protectedIds.Contains(parent))))
        {
            var onPlanes = device.Addresses.Select(a => (Ip: a, Plane: PlaneOf(site, a))).Where(a => a.Plane is not null).ToList();
            if (onPlanes.Count == 0)
                continue;
            var parentText = device.Parent is null ? "no parent" : $"child of {machines.FirstOrDefault(m => m.SystemId == device.Parent)?.Hostname ?? device.Parent}";
            findings.Add(new Finding(Severity.Warning, "stray-device", device.Hostname,
                $"MAAS device {device.Hostname} ({device.SystemId}, {parentText}) holds {string.Join(", ", onPlanes.Select(a => $"{a.Ip} on {a.Plane}"))}, " +
                $"and no container of {model?.Model ?? site.Cloud.JujuModel} accounts for it (a container of an earlier model?): its addresses collide with " +
                $"the carve's; if it is stale, delete it: maas $PROFILE device delete {device.SystemId}"));
        }
    }

    private static string? PlaneOf(Site site, string address) =>
        IPAddress.TryParse(address, out var ip) ? site.Planes.FirstOrDefault(p => p.Cidr.Contains(ip))?.Name : null;
}
