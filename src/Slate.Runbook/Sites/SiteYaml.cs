using System.Text.RegularExpressions;
using System.Globalization;
using Slate.Runbook.Yaml;
using YamlDotNet.RepresentationModel;

namespace Slate.Runbook.Sites;

/// <summary>Typed, line-aware reads of the site file's YAML tree; every failure names file, line and field.</summary>
internal sealed partial class SiteYaml(string file)
{
    public SiteFileException Error(YamlNode node, string field, string problem) => new(file, node.Start.Line, field, problem);

    public YamlMappingNode Map(YamlNode node, string field) =>
        node as YamlMappingNode ?? throw Error(node, field, "expected a mapping");

    public YamlNode Required(YamlMappingNode map, string key, string field) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value)
            ? value
            : throw Error(map, Join(field, key), "is required");

    /// <summary>The node to blame for a problem with a key: its value when present, else the mapping.</summary>
    public YamlNode At(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : map;

    public YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value) ? value : null;

    public string Str(YamlMappingNode map, string key, string field) => Scalar(Required(map, key, field), Join(field, key));

    public string? OptStr(YamlMappingNode map, string key, string field) =>
        Optional(map, key) is { } node ? Scalar(node, Join(field, key)) : null;

    public int Int(YamlMappingNode map, string key, string field)
    {
        var node = Required(map, key, field);
        return int.TryParse(Scalar(node, Join(field, key)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(node, Join(field, key), $"'{Scalar(node, Join(field, key))}' is not a whole number");
    }

    public IReadOnlyList<YamlNode> Seq(YamlMappingNode map, string key, string field) =>
        Required(map, key, field) is YamlSequenceNode seq
            ? seq.Children.ToList()
            : throw Error(map.Children[new YamlScalarNode(key)], Join(field, key), "expected a list");

    public IReadOnlyList<string> StrList(YamlMappingNode map, string key, string field) =>
        Seq(map, key, field).Select((n, i) => Scalar(n, $"{Join(field, key)}[{i}]")).ToList();

    public string Scalar(YamlNode node, string field) => node is YamlScalarNode { Value: { } value }
        ? value
        : throw Error(node, field, "expected a single value");

    /// <summary>Refuses keys the schema does not know: a typo must not be silently ignored.</summary>
    public void AllowOnly(YamlMappingNode map, string field, params string[] keys)
    {
        foreach (var (key, _) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!keys.Contains(name))
                throw Error(key, Join(field, name), $"unknown key (expected one of: {string.Join(", ", keys)})");
        }
    }

    /// <summary>A required name: letters, digits, '.', '_' and '-', starting with a letter or digit.</summary>
    public string Name(YamlMappingNode map, string key, string field) => CheckName(At(map, key), Str(map, key, field), Join(field, key));

    /// <summary>A list of names; a blank, <c>*</c>, <c>~</c>, a path or a name with spaces around it would match nothing or too much.</summary>
    public IReadOnlyList<string> NameList(YamlMappingNode map, string key, string field, bool required = true)
    {
        if (!required && Optional(map, key) is null) return [];
        return Seq(map, key, field).Select((n, i) => CheckName(n, Scalar(n, $"{Join(field, key)}[{i}]"), $"{Join(field, key)}[{i}]")).ToList();
    }

    /// <summary>The longest name: a hostname label's limit (RFC 1035), which MAAS, libvirt and juju names all fit.</summary>
    public const int MaxNameLength = 63;

    public string CheckName(YamlNode node, string value, string field) =>
        NamePattern().IsMatch(value) && value.Length <= MaxNameLength ? value : throw Error(node, field, value.Trim().Length == 0 ? "is blank; a name is required"
            : value.Length > MaxNameLength ? $"'{value[..20]}…' is {value.Length} characters long; a name has at most {MaxNameLength}"
            : value.Trim() != value ? $"'{value}' has spaces around it; a name has none"
            : $"'{value}' is not a valid name (letters, digits, '.', '_' and '-', starting with a letter or digit)");

    /// <summary>Free text that must still say something: not blank, no spaces around it, no control characters.</summary>
    public string Text(YamlMappingNode map, string key, string field)
    {
        var value = Str(map, key, field);
        return value.Trim().Length == 0 ? throw Error(At(map, key), Join(field, key), "is blank")
            : value.Trim() != value ? throw Error(At(map, key), Join(field, key), $"'{value}' has spaces around it")
            : value.Any(char.IsControl) ? throw Error(At(map, key), Join(field, key), "holds control characters")
            : value;
    }

    public static string Join(string field, string key) => field.Length == 0 ? key : $"{field}.{key}";

    private static bool IsNull(YamlNode node) => YamlNull.Is(node);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex NamePattern();
}
