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
}
