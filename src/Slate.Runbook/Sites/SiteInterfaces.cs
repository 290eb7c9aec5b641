namespace Slate.Runbook.Sites;

public static class SiteInterfaces
{
    /// <summary>The physical NIC under the interface that carries <paramref name="planeName"/> (enp1s0 under br-ex for provider-public).</summary>
    public static string PhysicalFor(this Site site, string planeName)
    {
        var current = site.Interfaces.FirstOrDefault(i => i.Plane == planeName)
            ?? throw new InvalidOperationException($"no interface of the site's template carries plane {planeName}");
        while (current.Parent is { } parent)
            current = site.Interfaces.First(i => i.Name == parent);
        return current.Name;
    }

    /// <summary>
    /// The nearest plane the interface carries, itself or through the bridges and VLAN interfaces on it (breadth first; at
    /// one depth an untagged carrier before a VLAN interface); null when its subtree carries none.
    /// </summary>
    public static Plane? NearestPlane(this Site site, InterfaceTemplate nic)
    {
        var level = new List<InterfaceTemplate> { nic };
        while (level.Count > 0)
        {
            if (level.Where(t => t.Plane is not null).OrderBy(t => t.Kind == InterfaceKind.Vlan).FirstOrDefault() is { } carrier)
                return site.Plane(carrier.Plane!);
            level = site.Interfaces.Where(t => level.Any(p => p.Name == t.Parent)).ToList();
        }
        return null;
    }
}
