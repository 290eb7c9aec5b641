using YamlDotNet.RepresentationModel;

namespace Slate.Runbook.BundleCheck;

/// <summary>
/// Merges an overlay into a bundle the way Juju does: maps merge key by key, recursively; a later value wins;
/// a null value deletes the key (an application, a machine, an option); the relations lists are appended.
/// </summary>
internal static class BundleMerge
{
    public static YamlMappingNode Apply(YamlMappingNode bundle, YamlMappingNode overlay, BundleSources sources) =>
        Merge(bundle, overlay, sources, topLevel: true);

    private static YamlMappingNode Merge(YamlMappingNode lower, YamlMappingNode upper, BundleSources sources, bool topLevel)
    {
        var merged = new YamlMappingNode();
        sources.Inherit(merged, lower);
        foreach (var (key, value) in lower.Children)
            merged.Add(key, value);
        foreach (var (key, value) in upper.Children)
        {
            var existing = merged.Children.FirstOrDefault(e => SameKey(e.Key, key)).Key;
            if (BundleYaml.IsNull(value))
            {
                if (existing is not null) merged.Children.Remove(existing);
                continue;
            }
            if (existing is null)
            {
                merged.Add(key, value);
                continue;
            }
            merged.Children[existing] = (merged.Children[existing], value) switch
            {
                (YamlMappingNode l, YamlMappingNode u) => Merge(l, u, sources, topLevel: false),
                (YamlSequenceNode l, YamlSequenceNode u) when topLevel && IsKey(key, "relations") => Append(l, u, sources),
                _ => value,
            };
        }
        return merged;
    }

    private static YamlSequenceNode Append(YamlSequenceNode lower, YamlSequenceNode upper, BundleSources sources)
    {
        var merged = new YamlSequenceNode(lower.Children.Concat(upper.Children));
        sources.Inherit(merged, lower);
        return merged;
    }

    private static bool SameKey(YamlNode a, YamlNode b) =>
        a is YamlScalarNode { Value: var x } && b is YamlScalarNode { Value: var y } && x == y;

    private static bool IsKey(YamlNode key, string name) => key is YamlScalarNode { Value: var v } && v == name;
}
