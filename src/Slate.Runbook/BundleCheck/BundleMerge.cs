using YamlDotNet.RepresentationModel;

namespace Slate.Runbook.BundleCheck;

/// <summary>
/// Merges an overlay into a bundle the way Juju's <c>applyOverlay</c> (juju/charm overlay.go) does:
/// an application or saas entry set to null is removed together with every relation naming it; a new one is added;
/// an existing one is merged field by field (a later field wins, a null field is cleared, a map field such as options
/// is merged key by key with null deleting a key and an empty map clearing it); relations are appended; a machines
/// section replaces the bundle's machines as a whole; any other top-level value wins when it is not null.
/// </summary>
internal static class BundleMerge
{
    private static readonly HashSet<string> NamedSections = ["applications", "saas"];

    public static YamlMappingNode Apply(YamlMappingNode bundle, YamlMappingNode overlay, BundleSources sources)
    {
        var merged = Copy(bundle, sources);
        // Relations last: Juju first drops the relations of removed applications, then appends the overlay's own.
        foreach (var (key, value) in overlay.Children.OrderBy(e => NameOf(e.Key) == "relations"))
        {
            if (BundleYaml.IsNull(value))
                continue; // Juju reads an empty section as "not given", never as "delete it"
            var name = NameOf(key);
            var lower = KeyOf(merged, key) is { } existing ? merged.Children[existing] : null;
            if (name is not null && NamedSections.Contains(name) && lower is YamlMappingNode lowerEntries && value is YamlMappingNode entries)
                Set(merged, key, MergeEntries(merged, lowerEntries, entries, sources));
            else if (name == "relations" && lower is YamlSequenceNode relations && value is YamlSequenceNode more)
                Set(merged, key, Append(relations, more, sources));
            else
                Set(merged, key, value);
        }
        return merged;
    }

    /// <summary>The applications (or saas) section after the overlay's entries: removed, added or merged.</summary>
    private static YamlMappingNode MergeEntries(YamlMappingNode bundle, YamlMappingNode lower, YamlMappingNode upper, BundleSources sources)
    {
        var merged = Copy(lower, sources);
        foreach (var (key, spec) in upper.Children)
        {
            if (BundleYaml.IsNull(spec))
            {
                Remove(merged, key);
                if (NameOf(key) is { } name) RemoveRelations(bundle, name, sources);
            }
            else if (KeyOf(merged, key) is { } existing && merged.Children[existing] is YamlMappingNode lowerSpec && spec is YamlMappingNode upperSpec)
                merged.Children[existing] = MergeSpec(lowerSpec, upperSpec, sources);
            else
                Set(merged, key, spec);
        }
        return merged;
    }

    /// <summary>One application (or saas) spec: fields replace, null clears, map fields merge key by key.</summary>
    private static YamlMappingNode MergeSpec(YamlMappingNode lower, YamlMappingNode upper, BundleSources sources)
    {
        var merged = Copy(lower, sources);
        foreach (var (key, value) in upper.Children)
        {
            if (BundleYaml.IsNull(value))
                Remove(merged, key);
            else if (KeyOf(merged, key) is { } existing && merged.Children[existing] is YamlMappingNode lowerMap
                     && value is YamlMappingNode { Children.Count: > 0 } upperMap)
                merged.Children[existing] = MergeMap(lowerMap, upperMap, sources);
            else
                Set(merged, key, value); // an empty map clears the field, as in Juju
        }
        return merged;
    }

    private static YamlMappingNode MergeMap(YamlMappingNode lower, YamlMappingNode upper, BundleSources sources)
    {
        var merged = Copy(lower, sources);
        foreach (var (key, value) in upper.Children)
        {
            if (BundleYaml.IsNull(value))
                Remove(merged, key);
            else
                Set(merged, key, value);
        }
        return merged;
    }

    /// <summary>Juju's removeRelations: drops every well-formed pair with a side <c>app</c> or <c>app:endpoint</c>.</summary>
    private static void RemoveRelations(YamlMappingNode bundle, string application, BundleSources sources)
    {
        if (KeyOf(bundle, new YamlScalarNode("relations")) is not { } key || bundle.Children[key] is not YamlSequenceNode relations)
            return;
        bool Names(YamlNode side) => side is YamlScalarNode { Value: { } text }
            && BundleEndpoint.Parse(text.Trim()).Application == application;
        var kept = new YamlSequenceNode(relations.Children.Where(pair =>
            pair is not YamlSequenceNode { Children.Count: 2 } sides || !sides.Children.Any(Names)));
        sources.Inherit(kept, relations);
        bundle.Children[key] = kept;
    }

    private static YamlSequenceNode Append(YamlSequenceNode lower, YamlSequenceNode upper, BundleSources sources)
    {
        var merged = new YamlSequenceNode(lower.Children.Concat(upper.Children));
        sources.Inherit(merged, lower);
        return merged;
    }

    private static YamlMappingNode Copy(YamlMappingNode original, BundleSources sources)
    {
        var copy = new YamlMappingNode(original.Children);
        sources.Inherit(copy, original);
        return copy;
    }

    /// <summary>Sets a key, keeping the original key node (and so its line) when the key is already there.</summary>
    private static void Set(YamlMappingNode map, YamlNode key, YamlNode value)
    {
        if (KeyOf(map, key) is { } existing)
            map.Children[existing] = value;
        else
            map.Add(key, value);
    }

    private static void Remove(YamlMappingNode map, YamlNode key)
    {
        if (KeyOf(map, key) is { } existing)
            map.Children.Remove(existing);
    }

    private static string? NameOf(YamlNode key) => (key as YamlScalarNode)?.Value?.Trim();

    /// <summary>The key node of <paramref name="map"/> with the same text as <paramref name="key"/>.</summary>
    private static YamlNode? KeyOf(YamlMappingNode map, YamlNode key) =>
        NameOf(key) is { } name ? map.Children.Keys.FirstOrDefault(k => NameOf(k) == name) : null;
}
