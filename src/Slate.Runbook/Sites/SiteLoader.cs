using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Slate.Runbook.Yaml;
using YamlDotNet.RepresentationModel;

namespace Slate.Runbook.Sites;

/// <summary>Reads and validates a site file. Any problem is a <see cref="SiteFileException"/>; nothing half-valid escapes.</summary>
public static partial class SiteLoader
{
    public static Site Load(string path)
    {
        if (!File.Exists(path))
            throw new SiteFileException(path, 0, "site", "file not found");
        return Parse(File.ReadAllText(path), path);
    }

    public static Site Parse(string text, string path)
    {
        var y = new SiteYaml(path);
        var stream = YamlText.Load(text, (line, problem) => new SiteFileException(path, line, "yaml", problem));
        if (stream.Documents.Count == 0)
            throw new SiteFileException(path, 1, "site", "the file is empty");
        if (stream.Documents.Count > 1)
            throw y.Error(stream.Documents[1].RootNode, "site", "a second YAML document (---): a site file is one document, the rest would be ignored");

        var root = y.Map(stream.Documents[0].RootNode, "site");
        y.AllowOnly(root, "", "cloud", "planes", "hosts", "interfaces", "protected", "orphans", "libvirt", "osd", "bundle");
        var planes = ReadPlanes(y, root);
        var hosts = ReadHosts(y, root, planes);
        var interfaces = ReadInterfaces(y, root, planes);
        var cloud = ReadCloud(y, root);
        var protectedNames = y.StrList(root, "protected", "");
        var orphans = y.StrList(root, "orphans", "", required: false);
        CheckMachineLists(y, root, hosts, protectedNames, orphans);
        return new Site(path, cloud, planes, hosts, interfaces, protectedNames, orphans,
            ReadLibvirt(y, root), ReadOsd(y, root), ReadBundleRules(y, root, planes, interfaces));
    }

    private static CloudIdentity ReadCloud(SiteYaml y, YamlMappingNode root)
    {
        var cloud = y.Map(y.Required(root, "cloud", ""), "cloud");
        y.AllowOnly(cloud, "cloud", "name", "environment", "maas_name", "juju");
        var envNode = y.Required(cloud, "environment", "cloud");
        var environment = y.Scalar(envNode, "cloud.environment") switch
        {
            "test" => CloudEnvironment.Test,
            "production" => CloudEnvironment.Production,
            var other => throw y.Error(envNode, "cloud.environment", $"'{other}' is not test or production"),
        };
        var juju = y.Map(y.Required(cloud, "juju", "cloud"), "cloud.juju");
        y.AllowOnly(juju, "cloud.juju", "controller", "model");
        return new CloudIdentity(
            Name(y, cloud, "name", "cloud"), environment, y.Str(cloud, "maas_name", "cloud"),
            Name(y, juju, "controller", "cloud.juju"), Name(y, juju, "model", "cloud.juju"));
    }

    private static List<Plane> ReadPlanes(SiteYaml y, YamlMappingNode root)
    {
        var planes = new List<Plane>();
        foreach (var (node, i) in y.Seq(root, "planes", "").Select((n, i) => (n, i)))
        {
            var field = $"planes[{i}]";
            var map = y.Map(node, field);
            y.AllowOnly(map, field, "name", "cidr", "vid");
            var name = Name(y, map, "name", field);
            var cidrNode = y.Required(map, "cidr", field);
            var cidrText = y.Scalar(cidrNode, $"{field}.cidr");
            if (!IPNetwork.TryParse(cidrText, out var cidr) || cidr.BaseAddress.AddressFamily != AddressFamily.InterNetwork
                || !cidrText.StartsWith(cidr.BaseAddress.ToString() + "/", StringComparison.Ordinal))
                throw y.Error(cidrNode, $"{field}.cidr", $"'{cidrText}' is not an IPv4 network in CIDR form (a.b.c.d/len, no host bits)");
            var vid = y.Optional(map, "vid") is null ? 0 : y.Int(map, "vid", field);
            if (vid is < 0 or > 4094)
                throw y.Error(y.At(map, "vid"), $"{field}.vid", $"{vid} is outside 0..4094");
            if (planes.FirstOrDefault(p => p.Name == name) is { } same)
                throw y.Error(y.At(map, "name"), $"{field}.name", $"'{name}' is already a plane");
            if (planes.FirstOrDefault(p => Overlaps(p.Cidr, cidr)) is { } clash)
                throw y.Error(cidrNode, $"{field}.cidr", $"{cidr} overlaps plane {clash.Name} ({clash.Cidr})");
            planes.Add(new Plane(name, cidr, vid));
        }
        if (planes.Count == 0)
            throw y.Error(root, "planes", "at least one plane is required");
        return planes;
    }

    private static List<Host> ReadHosts(SiteYaml y, YamlMappingNode root, List<Plane> planes)
    {
        var hosts = new List<Host>();
        foreach (var (node, i) in y.Seq(root, "hosts", "").Select((n, i) => (n, i)))
        {
            var field = $"hosts[{i}]";
            var map = y.Map(node, field);
            y.AllowOnly(map, field, "name", "n", "provider_mac");
            var name = Name(y, map, "name", field);
            var n = y.Int(map, "n", field);
            if (planes.FirstOrDefault(p => !p.HoldsHostNumber(n)) is { } outside)
                throw y.Error(y.At(map, "n"), $"{field}.n", $"{n} is not a host address inside plane {outside.Name} ({outside.Cidr})");
            var mac = y.OptStr(map, "provider_mac", field)?.ToLowerInvariant();
            if (mac is not null && !MacPattern().IsMatch(mac))
                throw y.Error(y.At(map, "provider_mac"), $"{field}.provider_mac", $"'{mac}' is not a MAC address (aa:bb:cc:dd:ee:ff)");
            if (hosts.Any(h => h.Name == name))
                throw y.Error(y.At(map, "name"), $"{field}.name", $"'{name}' is already a host");
            if (hosts.FirstOrDefault(h => h.Number == n) is { } twin)
                throw y.Error(y.At(map, "n"), $"{field}.n", $"{n} is already the number of {twin.Name}");
            if (mac is not null && hosts.FirstOrDefault(h => h.ProviderMac == mac) is { } sameMac)
                throw y.Error(y.At(map, "provider_mac"), $"{field}.provider_mac", $"{mac} is already the provider MAC of {sameMac.Name}");
            hosts.Add(new Host(name, n, mac));
        }
        if (hosts.Count == 0)
            throw y.Error(root, "hosts", "at least one host is required");
        return hosts;
    }

    private static List<InterfaceTemplate> ReadInterfaces(SiteYaml y, YamlMappingNode root, List<Plane> planes)
    {
        var list = new List<InterfaceTemplate>();
        foreach (var (node, i) in y.Seq(root, "interfaces", "").Select((n, i) => (n, i)))
        {
            var field = $"interfaces[{i}]";
            var map = y.Map(node, field);
            y.AllowOnly(map, field, "name", "type", "parent", "plane", "bridge_type", "vid");
            var name = Name(y, map, "name", field);
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

    private static void CheckMachineLists(SiteYaml y, YamlMappingNode root, List<Host> hosts, IReadOnlyList<string> protectedNames, IReadOnlyList<string> orphans)
    {
        foreach (var name in protectedNames.Where(n => hosts.Any(h => h.Name == n) || orphans.Contains(n)))
            throw y.Error(y.At(root, "protected"), "protected", $"'{name}' is protected and also a host or an orphan to delete");
        foreach (var name in orphans.Where(n => hosts.Any(h => h.Name == n)))
            throw y.Error(y.At(root, "orphans"), "orphans", $"'{name}' is a host; an orphan is a machine outside the model");
    }

    private static LibvirtSettings ReadLibvirt(SiteYaml y, YamlMappingNode root)
    {
        var map = y.Map(y.Required(root, "libvirt", ""), "libvirt");
        y.AllowOnly(map, "libvirt", "uri", "power_address", "images", "stale_networks");
        var networks = new List<StaleNetwork>();
        if (y.Optional(map, "stale_networks") is not null)
        {
            foreach (var (node, i) in y.Seq(map, "stale_networks", "libvirt").Select((n, i) => (n, i)))
            {
                var field = $"libvirt.stale_networks[{i}]";
                var net = y.Map(node, field);
                y.AllowOnly(net, field, "name", "bridge");
                networks.Add(new StaleNetwork(Name(y, net, "name", field), Name(y, net, "bridge", field)));
            }
        }
        foreach (var key in new[] { "uri", "power_address" })
        {
            if (UserPassword().IsMatch(y.Str(map, key, "libvirt")))
                throw y.Error(y.At(map, key), $"libvirt.{key}",
                    "holds a password (user:password@); a site file never does: Slate reads it from the terminal or --password-file");
        }
        var images = y.Str(map, "images", "libvirt");
        if (!images.StartsWith('/'))
            throw y.Error(y.At(map, "images"), "libvirt.images", $"'{images}' is not an absolute path");
        return new LibvirtSettings(y.Str(map, "uri", "libvirt"), y.Str(map, "power_address", "libvirt"), images.TrimEnd('/'), networks);
    }

    private static OsdDiskRule ReadOsd(SiteYaml y, YamlMappingNode root)
    {
        var map = y.Map(y.Required(root, "osd", ""), "osd");
        y.AllowOnly(map, "osd", "device", "file", "size", "format", "owner", "group", "mode", "never");
        var device = Name(y, map, "device", "osd");
        var never = y.StrList(map, "never", "osd");
        if (never.Contains(device))
            throw y.Error(y.At(map, "device"), "osd.device", $"'{device}' is listed under osd.never");
        var file = y.Str(map, "file", "osd");
        if (!file.Contains("{host}", StringComparison.Ordinal))
            throw y.Error(y.At(map, "file"), "osd.file", "must contain {host} so each host has its own disk");
        var sizeText = y.Str(map, "size", "osd");
        var size = ParseSize(sizeText) ?? throw y.Error(y.At(map, "size"), "osd.size", $"'{sizeText}' is not a size such as 512G");
        var format = y.Str(map, "format", "osd");
        if (format is not ("qcow2" or "raw"))
            throw y.Error(y.At(map, "format"), "osd.format", $"'{format}' is not qcow2 or raw");
        var modeText = y.Str(map, "mode", "osd");
        if (!Regex.IsMatch(modeText, "^0?[0-7]{3}$"))
            throw y.Error(y.At(map, "mode"), "osd.mode", $"'{modeText}' is not an octal file mode such as 600");
        return new OsdDiskRule(device, file, size, format, y.Str(map, "owner", "osd"), y.Str(map, "group", "osd"),
            Convert.ToInt32(modeText, 8), never);
    }

    private static BundleRules ReadBundleRules(SiteYaml y, YamlMappingNode root, List<Plane> planes, List<InterfaceTemplate> interfaces)
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
        var chassis = new ChassisRule(y.Str(chassisMap, "application", "bundle.chassis"), y.Str(chassisMap, "option", "bundle.chassis"),
            y.Str(chassisMap, "bridge", "bundle.chassis"));
        var units = new Dictionary<string, int>();
        if (y.Optional(map, "units") is { } unitsNode)
        {
            var unitsMap = y.Map(unitsNode, "bundle.units");
            foreach (var (key, _) in unitsMap.Children)
            {
                var app = y.Scalar(key, "bundle.units");
                var count = y.Int(unitsMap, app, "bundle.units");
                units[app] = count >= 1 ? count : throw y.Error(y.At(unitsMap, app), $"bundle.units.{app}", $"{count} units: expected 1 or more");
            }
        }
        return new BundleRules(y.StrList(map, "api_charms", "bundle"), y.Str(map, "public_endpoint", "bundle"), publicPlane, vipPlanes,
            chassis, units, y.StrList(map, "policyd", "bundle", required: false), y.StrList(map, "forbidden_overlays", "bundle", required: false));
    }

    private static string Name(SiteYaml y, YamlMappingNode map, string key, string field)
    {
        var value = y.Str(map, key, field);
        return NamePattern().IsMatch(value) ? value : throw y.Error(y.At(map, key), SiteYaml.Join(field, key), $"'{value}' is not a valid name");
    }

    internal static long? ParseSize(string text)
    {
        var m = Regex.Match(text.Trim(), "^([0-9]+)([KMGT]?)i?B?$", RegexOptions.IgnoreCase);
        if (!m.Success || !long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
        var shift = m.Groups[2].Value.ToUpperInvariant() switch { "K" => 10, "M" => 20, "G" => 30, "T" => 40, _ => 0 };
        return n <= (long.MaxValue >> shift) ? n << shift : null;
    }

    private static bool Overlaps(IPNetwork a, IPNetwork b) => a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress);

    [GeneratedRegex("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$")]
    private static partial Regex MacPattern();

    [GeneratedRegex("://[^/@]*:[^/@]*@")]
    private static partial Regex UserPassword();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex NamePattern();
}
