using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Slate.Runbook.Files;
using Slate.Runbook.Yaml;
using YamlDotNet.RepresentationModel;

namespace Slate.Runbook.Sites;

/// <summary>Reads and validates a site file. Any problem is a <see cref="SiteFileException"/>; nothing half-valid escapes.</summary>
public static partial class SiteLoader
{
    public static Site Load(string path) =>
        Parse(InputFile.ReadText(path, problem => new SiteFileException(path, 0, "site", problem)), path);

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
        var interfaces = SiteInterfacesReader.Read(y, root, planes);
        var cloud = ReadCloud(y, root);
        var protectedNames = y.NameList(root, "protected", "");
        var orphans = y.NameList(root, "orphans", "", required: false);
        CheckMachineLists(y, root, hosts, protectedNames, orphans);
        var libvirt = ReadLibvirt(y, root);
        return new Site(path, cloud, planes, hosts, interfaces, protectedNames, orphans,
            libvirt, ReadOsd(y, root, libvirt.ImagesDir), SiteBundleRulesReader.Read(y, root, planes, interfaces));
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
            y.Name(cloud, "name", "cloud"), environment, y.Text(cloud, "maas_name", "cloud"),
            y.Name(juju, "controller", "cloud.juju"), y.Name(juju, "model", "cloud.juju"));
    }

    private static List<Plane> ReadPlanes(SiteYaml y, YamlMappingNode root)
    {
        var planes = new List<Plane>();
        foreach (var (node, i) in y.Seq(root, "planes", "").Select((n, i) => (n, i)))
        {
            var field = $"planes[{i}]";
            var map = y.Map(node, field);
            y.AllowOnly(map, field, "name", "cidr", "vid", "dhcp", "reserved");
            var name = y.Name(map, "name", field);
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
            var dhcp = y.Optional(map, "dhcp") is null ? null : ReadRange(y, y.At(map, "dhcp"), $"{field}.dhcp", cidr);
            var reserved = y.Optional(map, "reserved") is null ? []
                : y.Seq(map, "reserved", field).Select((n, j) => ReadRange(y, n, $"{field}.reserved[{j}]", cidr)).ToList();
            planes.Add(new Plane(name, cidr, vid, dhcp, reserved));
        }
        if (planes.Count == 0)
            throw y.Error(root, "planes", "at least one plane is required");
        return planes;
    }

    /// <summary>"first-last" inside the plane's network, its network and broadcast addresses excluded.</summary>
    private static AddressRange ReadRange(SiteYaml y, YamlNode node, string field, IPNetwork cidr)
    {
        var text = y.Scalar(node, field);
        var range = AddressRange.Parse(text)
            ?? throw y.Error(node, field, $"'{text}' is not an address range first-last (e.g. 10.0.0.200-10.0.0.254)");
        var network = AddressRange.Number(cidr.BaseAddress);
        var broadcast = network + (uint)((1L << (32 - cidr.PrefixLength)) - 1);
        if (AddressRange.Number(range.Start) <= network || AddressRange.Number(range.End) >= broadcast)
            throw y.Error(node, field, $"{range} is not inside the plane's host addresses ({cidr})");
        return range;
    }

    private static List<Host> ReadHosts(SiteYaml y, YamlMappingNode root, List<Plane> planes)
    {
        var hosts = new List<Host>();
        foreach (var (node, i) in y.Seq(root, "hosts", "").Select((n, i) => (n, i)))
        {
            var field = $"hosts[{i}]";
            var map = y.Map(node, field);
            y.AllowOnly(map, field, "name", "n", "provider_mac");
            var name = y.Name(map, "name", field);
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
        y.AllowOnly(map, "libvirt", "uri", "power_address", "images", "boot_network", "stale_networks");
        var networks = new List<StaleNetwork>();
        if (y.Optional(map, "stale_networks") is not null)
        {
            foreach (var (node, i) in y.Seq(map, "stale_networks", "libvirt").Select((n, i) => (n, i)))
            {
                var field = $"libvirt.stale_networks[{i}]";
                var net = y.Map(node, field);
                y.AllowOnly(net, field, "name", "bridge");
                networks.Add(new StaleNetwork(y.Name(net, "name", field), y.Name(net, "bridge", field)));
            }
        }
        foreach (var key in new[] { "uri", "power_address" })
        {
            if (UserPassword().IsMatch(y.Str(map, key, "libvirt")))
                throw y.Error(y.At(map, key), $"libvirt.{key}",
                    "holds a password (user:password@); a site file never does: Slate reads it from the terminal or --password-file");
        }
        var images = y.Str(map, "images", "libvirt");
        if (!images.StartsWith('/') || images.Split('/').Contains(".."))
            throw y.Error(y.At(map, "images"), "libvirt.images", $"'{images}' is not an absolute path without '..'");
        var bootNetwork = y.Optional(map, "boot_network") is null ? null : y.Name(map, "boot_network", "libvirt");
        if (networks.FirstOrDefault(n => n.Name == bootNetwork || n.Bridge == bootNetwork) is { } stale)
            throw y.Error(y.At(map, "boot_network"), "libvirt.boot_network", $"'{bootNetwork}' is the stale network {stale.Name} that Step 3 removes");
        return new LibvirtSettings(y.Str(map, "uri", "libvirt"), y.Str(map, "power_address", "libvirt"), images.TrimEnd('/'), networks, bootNetwork);
    }

    private static OsdDiskRule ReadOsd(SiteYaml y, YamlMappingNode root, string images)
    {
        var map = y.Map(y.Required(root, "osd", ""), "osd");
        y.AllowOnly(map, "osd", "device", "file", "size", "format", "owner", "group", "mode", "never");
        var device = y.Name(map, "device", "osd");
        var never = y.NameList(map, "never", "osd");
        if (never.Contains(device))
            throw y.Error(y.At(map, "device"), "osd.device", $"'{device}' is listed under osd.never");
        var file = y.Text(map, "file", "osd");
        if (!file.Contains("{host}", StringComparison.Ordinal))
            throw y.Error(y.At(map, "file"), "osd.file", "must contain {host} so each host has its own disk");
        if (!StaysInside(images, file))
            throw y.Error(y.At(map, "file"), "osd.file", $"'{file}' leads out of libvirt.images ({images}); the disks live inside it");
        var sizeText = y.Str(map, "size", "osd");
        var size = ParseSize(sizeText) ?? throw y.Error(y.At(map, "size"), "osd.size", $"'{sizeText}' is not a size such as 512G");
        var format = y.Str(map, "format", "osd");
        if (format is not ("qcow2" or "raw"))
            throw y.Error(y.At(map, "format"), "osd.format", $"'{format}' is not qcow2 or raw");
        var modeText = y.Str(map, "mode", "osd");
        if (!Regex.IsMatch(modeText, "^0?[0-7]{3}$"))
            throw y.Error(y.At(map, "mode"), "osd.mode", $"'{modeText}' is not an octal file mode such as 600");
        return new OsdDiskRule(device, file, size, format, y.Name(map, "owner", "osd"), y.Name(map, "group", "osd"),
            Convert.ToInt32(modeText, 8), never);
    }

    internal static long? ParseSize(string text)
    {
        var m = Regex.Match(text.Trim(), "^([0-9]+)([KMGT]?)i?B?$", RegexOptions.IgnoreCase);
        if (!m.Success || !long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
        var shift = m.Groups[2].Value.ToUpperInvariant() switch { "K" => 10, "M" => 20, "G" => 30, "T" => 40, _ => 0 };
        return n <= (long.MaxValue >> shift) ? n << shift : null;
    }

    /// <summary>Whether the file template, for any host, names a file below the images folder (no '..' step out of it).</summary>
    private static bool StaysInside(string images, string template)
    {
        var path = template.Replace("{images}", images, StringComparison.Ordinal).Replace("{host}", "host", StringComparison.Ordinal);
        return path.StartsWith(images + "/", StringComparison.Ordinal) && !path.Split('/').Contains("..")
               && Path.GetFullPath(path).StartsWith(images + "/", StringComparison.Ordinal);
    }

    private static bool Overlaps(IPNetwork a, IPNetwork b) => a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress);

    [GeneratedRegex("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$")]
    private static partial Regex MacPattern();

    [GeneratedRegex("://[^/@]*:[^/@]*@")]
    private static partial Regex UserPassword();

}
