using YamlDotNet.RepresentationModel;

namespace Slate.Runbook.Sites;

/// <summary>The site file's `bundle:` section: the rules `slate bundle check` applies to this cloud.</summary>
internal static class SiteBundleRulesReader
{
    public static BundleRules Read(SiteYaml y, YamlMappingNode root, List<Plane> planes, List<InterfaceTemplate> interfaces)
    {
        var map = y.Map(y.Required(root, "bundle", ""), "bundle");
        y.AllowOnly(map, "bundle", "api_charms", "public_endpoint", "public_plane", "vip_planes", "chassis", "units", "policyd", "forbidden_overlays");
        string PlaneName(string key, YamlNode at, string name) =>
            planes.Any(p => p.Name == name) ? name : throw y.Error(at, $"bundle.{key}", $"'{name}' is not a plane of this site");
        var publicPlane = PlaneName("public_plane", y.At(map, "public_plane"), y.Str(map, "public_plane", "bundle"));
        if (interfaces.All(i => i.Plane != publicPlane))
            throw y.Error(y.At(map, "public_plane"), "bundle.public_plane",
                $"'{publicPlane}' is carried by no interface of the template (its physical NIC's MAC is what the chassis maps)");
        var vipPlanes = y.StrList(map, "vip_planes", "bundle").Select(p => PlaneName("vip_planes", y.At(map, "vip_planes"), p)).ToList();
        if (vipPlanes.Count == 0 || vipPlanes.Distinct().Count() != vipPlanes.Count)
            throw y.Error(y.At(map, "vip_planes"), "bundle.vip_planes", "must list one or more planes, each once (a VIP has one address per plane)");
        var chassisMap = y.Map(y.Required(map, "chassis", "bundle"), "bundle.chassis");
        y.AllowOnly(chassisMap, "bundle.chassis", "application", "option", "bridge");
        var chassis = new ChassisRule(y.Name(chassisMap, "application", "bundle.chassis"), y.Name(chassisMap, "option", "bundle.chassis"),
            y.Name(chassisMap, "bridge", "bundle.chassis"));
        var units = new Dictionary<string, int>();
        if (y.Optional(map, "units") is { } unitsNode)
        {
            var unitsMap = y.Map(unitsNode, "bundle.units");
            foreach (var (key, _) in unitsMap.Children)
            {
                var app = y.CheckName(key, y.Scalar(key, "bundle.units"), "bundle.units");
                var count = y.Int(unitsMap, app, "bundle.units");
                units[app] = count >= 1 ? count : throw y.Error(y.At(unitsMap, app), $"bundle.units.{app}", $"{count} units: expected 1 or more");
            }
        }
        return new BundleRules(y.NameList(map, "api_charms", "bundle"), y.Name(map, "public_endpoint", "bundle"), publicPlane, vipPlanes,
            chassis, units, y.NameList(map, "policyd", "bundle", required: false), y.NameList(map, "forbidden_overlays", "bundle", required: false));
    }
}
