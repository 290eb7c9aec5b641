using Slate.Runbook.Sites;

namespace Slate.Runbook.Carve;

/// <summary>One interface of Pattern A for one host: the template, its depth in the tree, and its STATIC address when it has a plane.</summary>
public sealed record DesiredInterface(InterfaceTemplate Template, int Depth, Plane? Plane, string? Address)
{
    public string Name => Template.Name;

    public string Kind => Template.Kind switch
    {
        InterfaceKind.Bridge => "bridge",
        InterfaceKind.Vlan => "vlan",
        _ => "physical",
    };

    public string BridgeType => Template.BridgeType == Sites.BridgeType.Ovs ? "ovs" : "standard";

    /// <summary>What the interface must be, in words: "bridge ovs on enp1s0, static 10.12.4.10".</summary>
    public string Describe()
    {
        var what = Template.Kind switch
        {
            InterfaceKind.Bridge => $"bridge {BridgeType} on {Template.Parent}",
            InterfaceKind.Vlan => $"vlan {Template.Vid} on {Template.Parent}",
            _ => "physical",
        };
        return Address is null ? $"{what}, no address" : $"{what}, static {Address}";
    }
}

/// <summary>The site's <c>interfaces:</c> template made concrete for one host (host N: every plane address is plane.N).</summary>
public static class PatternA
{
    public static IReadOnlyList<DesiredInterface> For(Site site, Host host)
    {
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        var tree = new List<DesiredInterface>();
        foreach (var template in site.Interfaces)
        {
            var depth = template.Parent is { } parent && depths.TryGetValue(parent, out var above) ? above + 1 : 0;
            depths[template.Name] = depth;
            var plane = template.Plane is { } name ? site.Plane(name) : null;
            tree.Add(new DesiredInterface(template, depth, plane, plane is null ? null : Site.AddressOf(host, plane).ToString()));
        }
        return tree;
    }

    /// <summary>A tree line: the name indented under its parent.</summary>
    public static string Indented(string name, int depth) => depth == 0 ? name : new string(' ', 3 * (depth - 1)) + "└─ " + name;
}
