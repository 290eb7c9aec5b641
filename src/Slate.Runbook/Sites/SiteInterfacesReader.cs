using YamlDotNet.RepresentationModel;

namespace Slate.Runbook.Sites;

/// <summary>The site file's `interfaces:` section: the Pattern A tree, parents listed before their children.</summary>
internal static class SiteInterfacesReader
{
    public static List<InterfaceTemplate> Read(SiteYaml y, YamlMappingNode root, List<Plane> planes)
    {
        var list = new List<InterfaceTemplate>();
        foreach (var (node, i) in y.Seq(root, "interfaces", "").Select((n, i) => (n, i)))
        {
            var field = $"interfaces[{i}]";
            var map = y.Map(node, field);
            y.AllowOnly(map, field, "name", "type", "parent", "plane", "bridge_type", "vid");
            var name = y.Name(map, "name", field);
            var typeNode = y.Required(map, "type", field);
            var kind = y.Scalar(typeNode, $"{field}.type") switch
            {
                "physical" => InterfaceKind.Physical,
                "bridge" => InterfaceKind.Bridge,
                "vlan" => InterfaceKind.Vlan,
                var other => throw y.Error(typeNode, $"{field}.type", $"'{other}' is not physical, bridge or vlan"),
            };
            var parent = y.OptStr(map, "parent", field);
            if (kind == InterfaceKind.Physical && parent is not null)
                throw y.Error(y.At(map, "parent"), $"{field}.parent", "a physical interface has no parent");
            if (kind != InterfaceKind.Physical && parent is null)
                throw y.Error(y.At(map, "parent"), $"{field}.parent", $"a {kind.ToString().ToLowerInvariant()} interface needs a parent");
            if (parent is not null && list.All(t => t.Name != parent))
                throw y.Error(y.At(map, "parent"), $"{field}.parent", $"'{parent}' is not an interface listed before {name}");
            if (parent is not null && list.Any(t => t.Parent == parent))
                throw y.Error(y.At(map, "parent"), $"{field}.parent", $"'{parent}' already has a child interface");
            var plane = y.OptStr(map, "plane", field);
            if (plane is not null && planes.All(p => p.Name != plane))
                throw y.Error(y.At(map, "plane"), $"{field}.plane", $"'{plane}' is not a plane of this site");
            if (plane is not null && list.FirstOrDefault(t => t.Plane == plane) is { } twin)
                throw y.Error(y.At(map, "plane"), $"{field}.plane", $"'{plane}' is already carried by {twin.Name}");
            var bridgeType = ReadBridgeType(y, map, field, kind);
            var vid = ReadVid(y, map, field, kind, planes);
            if (list.Any(t => t.Name == name))
                throw y.Error(y.At(map, "name"), $"{field}.name", $"'{name}' is already an interface");
            list.Add(new InterfaceTemplate(name, kind, parent, plane, bridgeType, vid));
        }
        return list;
    }

    private static BridgeType ReadBridgeType(SiteYaml y, YamlMappingNode map, string field, InterfaceKind kind)
    {
        var text = y.OptStr(map, "bridge_type", field);
        if (text is not null && kind != InterfaceKind.Bridge)
            throw y.Error(y.At(map, "bridge_type"), $"{field}.bridge_type", "only a bridge has a bridge_type");
        return text switch
        {
            null or "standard" => BridgeType.Standard,
            "ovs" => BridgeType.Ovs,
            _ => throw y.Error(y.At(map, "bridge_type"), $"{field}.bridge_type", $"'{text}' is not standard or ovs"),
        };
    }

    private static int ReadVid(SiteYaml y, YamlMappingNode map, string field, InterfaceKind kind, List<Plane> planes)
    {
        if (kind != InterfaceKind.Vlan)
            return y.Optional(map, "vid") is null ? 0 : throw y.Error(y.At(map, "vid"), $"{field}.vid", "only a vlan interface has a vid");
        var vid = y.Int(map, "vid", field);
        if (vid is < 1 or > 4094)
            throw y.Error(y.At(map, "vid"), $"{field}.vid", $"{vid} is outside 1..4094");
        if (planes.All(p => p.Vid != vid))
            throw y.Error(y.At(map, "vid"), $"{field}.vid", $"no plane is on VLAN {vid}");
        return vid;
    }
}
