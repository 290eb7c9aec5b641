using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slate.Runbook.BundleCheck;

/// <summary>Turns a merged bundle tree into a <see cref="Bundle"/>, refusing anything Juju 3 would not read as meant.</summary>
internal static class BundleReader
{
    private static readonly HashSet<string> TopLevelKeys =
    [
        "bundle", "applications", "machines", "saas", "series", "default-base", "relations", "tags", "description",
        // Not Juju fields, but real bundles carry them: variables parks YAML anchors, the rest is commentary.
        "variables", "name", "comment",
    ];

    private static readonly HashSet<string> ApplicationKeys =
    [
        "charm", "channel", "revision", "series", "base", "resources", "num_units", "scale", "to", "placement", "expose",
        "exposed-endpoints", "options", "annotations", "constraints", "storage", "devices", "bindings", "offers", "plan", "trust",
    ];

    private static readonly HashSet<string> MachineKeys = ["constraints", "annotations", "series", "base"];

    private static readonly HashSet<string> SaasKeys = ["url"];

    public static Bundle Read(YamlMappingNode root, BundleYaml y)
    {
        y.AllowOnly(root, "", TopLevelKeys, legacyKey: "services");
        if (y.Get(root, "applications") is not { } applicationsNode)
            throw y.Error(root, "applications", "is required: a bundle needs at least one application");
        var applications = y.Entries(applicationsNode, "applications")
            .Select(e => ReadApplication(ApplicationName(e.KeyNode, "applications", y), e.Value, y))
            .ToDictionary(a => a.Name, StringComparer.Ordinal);
        if (applications.Count == 0)
            throw y.Error(applicationsNode, "applications", "a bundle needs at least one application");
        return new Bundle(
            applications,
            ReadMachines(root, y),
            ReadRelations(root, y),
            ReadSaas(root, y),
            y.OptScalar(root, "series", ""),
            y.OptScalar(root, "default-base", ""));
    }

    private static BundleApplication ReadApplication(string name, YamlNode node, BundleYaml y)
    {
        var field = $"applications.{name}";
        if (BundleYaml.IsNull(node))
            throw y.Error(node, field, "has no body (charm is required)");
        var map = node as YamlMappingNode ?? throw y.Error(node, field, "expected a mapping");
        y.AllowOnly(map, field, ApplicationKeys);
        var charm = y.OptScalar(map, "charm", field) ?? throw y.Error(map, $"{field}.charm", "is required");
        return new BundleApplication(
            name,
            charm,
            y.OptScalar(map, "channel", field),
            y.OptInt(map, "revision", field),
            y.OptScalar(map, "series", field),
            y.OptScalar(map, "base", field),
            y.OptInt(map, "num_units", field) ?? y.OptInt(map, "scale", field) ?? 0,
            y.StrList(map, "to", field),
            y.StrMap(map, "options", field),
            ReadBindings(map, field, y),
            ReadResources(map, field, y),
            y.OptScalar(map, "constraints", field),
            y.StrMap(map, "storage", field),
            y.StrMap(map, "annotations", field),
            y.OptBool(map, "expose", field),
            y.OptBool(map, "trust", field));
    }

    private static Dictionary<string, string> ReadBindings(YamlMappingNode map, string field, BundleYaml y)
    {
        var bindings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (y.Get(map, "bindings") is not { } node) return bindings;
        foreach (var (endpoint, keyNode, value) in y.Entries(node, $"{field}.bindings"))
        {
            var path = $"{field}.bindings.{endpoint}";
            bindings[endpoint] = BundleYaml.IsNull(value) ? throw y.Error(keyNode, path, "names no space") : y.Scalar(value, path);
        }
        return bindings;
    }

    private static Dictionary<string, BundleResource> ReadResources(YamlMappingNode map, string field, BundleYaml y)
    {
        var resources = new Dictionary<string, BundleResource>(StringComparer.Ordinal);
        if (y.Get(map, "resources") is not { } node) return resources;
        foreach (var (name, _, value) in y.Entries(node, $"{field}.resources"))
        {
            var text = BundleYaml.IsNull(value) ? "" : y.Scalar(value, $"{field}.resources.{name}");
            if (text.Length == 0)
                throw y.Error(value, $"{field}.resources.{name}", "names no revision or file");
            // Juju reads a plain integer as a revision and any string, even a quoted '3', as a file path.
            var isRevision = value is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } && text.All(char.IsAsciiDigit);
            resources[name] = new BundleResource(text, isRevision, y.FileOf(value));
        }
        return resources;
    }

    private static Dictionary<string, BundleMachine> ReadMachines(YamlMappingNode root, BundleYaml y)
    {
        var machines = new Dictionary<string, BundleMachine>(StringComparer.Ordinal);
        if (y.Get(root, "machines") is not { } node) return machines;
        foreach (var (id, keyNode, body) in y.Entries(node, "machines"))
        {
            var field = $"machines.{id}";
            if (!Rules.Placement.IsMachineId(id))
                throw y.Error(keyNode, field, "a machine id must be a whole number of zero or more, without leading zeros");
            if (BundleYaml.IsNull(body))
            {
                machines[id] = new BundleMachine(id, null, null, null);
                continue;
            }
            var map = body as YamlMappingNode ?? throw y.Error(body, field, "expected a mapping");
            y.AllowOnly(map, field, MachineKeys);
            machines[id] = new BundleMachine(id, y.OptScalar(map, "constraints", field), y.OptScalar(map, "series", field), y.OptScalar(map, "base", field));
        }
        return machines;
    }

    private static List<BundleRelation> ReadRelations(YamlMappingNode root, BundleYaml y)
    {
        if (y.Get(root, "relations") is not { } node) return [];
        var list = node as YamlSequenceNode ?? throw y.Error(node, "relations", "expected a list of endpoint pairs");
        return list.Children.Select((pair, i) =>
        {
            var field = $"relations[{i}]";
            if (pair is not YamlSequenceNode { Children.Count: 2 } sides)
                throw y.Error(pair, field, "expected a pair of endpoints ([app:endpoint, app:endpoint])");
            return new BundleRelation(
                BundleEndpoint.Parse(y.Scalar(sides.Children[0], $"{field}[0]")),
                BundleEndpoint.Parse(y.Scalar(sides.Children[1], $"{field}[1]")));
        }).ToList();
    }

    /// <summary>The key as written (a quoted key keeps its spaces): it must be a name Juju accepts.</summary>
    private static string ApplicationName(YamlNode keyNode, string field, BundleYaml y)
    {
        var name = (keyNode as YamlScalarNode)?.Value ?? "";
        return Rules.Placement.IsApplicationName(name)
            ? name
            : throw y.Error(keyNode, $"{field}.{name}",
                $"'{name}' is not an application name Juju accepts (lower-case letters, digits and '-', starting with a letter)");
    }

    private static Dictionary<string, string> ReadSaas(YamlMappingNode root, BundleYaml y)
    {
        var saas = new Dictionary<string, string>(StringComparer.Ordinal);
        if (y.Get(root, "saas") is not { } node) return saas;
        foreach (var (_, keyNode, body) in y.Entries(node, "saas"))
        {
            var name = ApplicationName(keyNode, "saas", y);
            var field = $"saas.{name}";
            var map = body as YamlMappingNode ?? throw y.Error(body, field, "expected a mapping with a url");
            y.AllowOnly(map, field, SaasKeys);
            saas[name] = y.OptScalar(map, "url", field) ?? throw y.Error(map, $"{field}.url", "is required");
        }
        return saas;
    }
}
