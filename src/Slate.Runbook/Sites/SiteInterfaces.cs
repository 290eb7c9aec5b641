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
    /// The nearest plane the interface carries, itself or through the bridges and VLAN interfaces stacked on it (each
    /// interface of the template has one child at most, so this is a walk down one chain); null when none carries one.
    /// </summary>
    public static Plane? NearestPlane(this Site site, InterfaceTemplate nic)
    {
        for (var current = nic; current is not null; current = site.Interfaces.FirstOrDefault(t => t.Parent == current.Name))
        {
            if (current.Plane is { } plane) return site.Plane(plane);
        }
        return null;
    }
}
