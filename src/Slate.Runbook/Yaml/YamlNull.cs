using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slate.Runbook.Yaml;

/// <summary>The YAML core schema's null: an unquoted empty value, ~, null, Null or NULL. A quoted '' is a string.</summary>
internal static class YamlNull
{
    public static bool Is(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null" or "Null" or "NULL", Style: not (ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) };
}
