using System.Globalization;
using Slate.Runbook.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slate.Runbook.BundleCheck;

/// <summary>Typed reads of a bundle's YAML tree; every failure names the file and line the node came from.</summary>
internal sealed class BundleYaml(BundleSources sources)
{
    public BundleFileException Error(YamlNode node, string key, string problem) => sources.Error(node, key, problem);

    public string FileOf(YamlNode node) => sources.FileOf(node);

    public static bool IsNull(YamlNode node) => YamlNull.Is(node);

    /// <summary>The entries of a mapping with their key text; a null node reads as an empty mapping.</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlNode node, string field)
    {
        if (IsNull(node)) yield break;
        var map = node as YamlMappingNode ?? throw Error(node, field, "expected a mapping");
        foreach (var (key, value) in map.Children)
        {
            var name = Scalar(key, field);
            // The representation model does not resolve merge keys; say so rather than "unknown key" or "expected a single value".
            if (name == "<<" && key is YamlScalarNode { Style: ScalarStyle.Plain })
                throw Error(key, Join(field, name), "YAML merge keys (<<: *anchor) are not supported here; write the keys out or use an alias for the whole map");
            yield return (name, key, value);
        }
    }

    public YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(e => e.Key is YamlScalarNode { Value: var k } && k == key).Value is { } v && !IsNull(v) ? v : null;

    /// <summary>Refuses keys the format does not know: Juju ignores them silently, so a typo would be lost.</summary>
    public void AllowOnly(YamlMappingNode map, string field, IReadOnlySet<string> keys, string? legacyKey = null)
    {
        foreach (var (name, keyNode, _) in Entries(map, field))
        {
            if (name == legacyKey)
                throw Error(keyNode, Join(field, name), "is the legacy key Juju 3 removed; rename it to 'applications'");
            if (!keys.Contains(name))
                throw Error(keyNode, Join(field, name), $"unknown key (expected one of: {string.Join(", ", keys.Order(StringComparer.Ordinal))})");
        }
    }

    public string Scalar(YamlNode node, string field) => node is YamlScalarNode { Value: { } value }
        ? value.Trim()
        : throw Error(node, field, "expected a single value");

    public string? OptScalar(YamlMappingNode map, string key, string field) =>
        Get(map, key) is { } node ? Scalar(node, Join(field, key)) : null;

    public int? OptInt(YamlMappingNode map, string key, string field)
    {
        if (Get(map, key) is not { } node) return null;
        var text = Scalar(node, Join(field, key));
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(node, Join(field, key), $"'{text}' is not a whole number of zero or more");
    }

    public bool OptBool(YamlMappingNode map, string key, string field)
    {
        if (Get(map, key) is not { } node) return false;
        return Scalar(node, Join(field, key)).ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            var text => throw Error(node, Join(field, key), $"'{text}' is not true or false"),
        };
    }

    public IReadOnlyList<string> StrList(YamlMappingNode map, string key, string field)
    {
        if (Get(map, key) is not { } node) return [];
        var path = Join(field, key);
        return node is YamlSequenceNode seq
            ? seq.Children.Select((n, i) => Scalar(n, $"{path}[{i}]")).ToList()
            : throw Error(node, path, "expected a list");
    }

    /// <summary>A mapping of single values; a null value is kept as null (an option left at its charm default).</summary>
    public IReadOnlyDictionary<string, string?> StrMap(YamlMappingNode map, string key, string field)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (Get(map, key) is not { } node) return result;
        foreach (var (name, _, value) in Entries(node, Join(field, key)))
            result[name] = IsNull(value) ? null : Scalar(value, Join(Join(field, key), name));
        return result;
    }

    public static string Join(string field, string key) => field.Length == 0 ? key : $"{field}.{key}";
}
