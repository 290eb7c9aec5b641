namespace Slate.Runbook.Core;

/// <summary>
/// The objects a plan was made from, as the operator saw them: every row of its tables (keyed by table and first
/// cell), every finding, every baseline fact. A saved plan keeps them, so applying it later can name what changed.
/// </summary>
public static class PlanBasis
{
    public static IReadOnlyDictionary<string, string> Of(StepPlan plan)
    {
        var objects = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in plan.Tables)
        {
            var stem = Stem(table.Title);
            Add(objects, $"{stem} (title)", table.Title);
            foreach (var row in table.Rows)
                Add(objects, $"{stem} / {row.FirstOrDefault() ?? ""}", string.Join(", ", table.Headers.Zip(row).Skip(1).Select(c => $"{c.First}={c.Second}")));
        }
        foreach (var finding in plan.Findings)
            Add(objects, $"finding {finding.Code} / {finding.Subject}", $"{finding.Severity}: {finding.Message}");
        foreach (var (key, value) in plan.Baseline)
            Add(objects, $"baseline / {key}", value);
        return objects;
    }

    /// <summary>What differs between the objects a plan was made from and a fresh observation's, one line per object.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, string> saved, IReadOnlyDictionary<string, string> now)
    {
        var changes = new List<string>();
        foreach (var (key, before) in saved.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (!now.TryGetValue(key, out var after))
                changes.Add($"{key}: gone (was {before})");
            else if (after != before)
                changes.Add($"{key}: {before} → {after}");
        }
        changes.AddRange(now.Where(o => !saved.ContainsKey(o.Key)).OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}: new ({o.Value})"));
        return changes;
    }

    /// <summary>A table's title without its live parenthesis: "targets (resolved live; model x: present)" → "targets".</summary>
    private static string Stem(string title) => title.IndexOf(" (", StringComparison.Ordinal) is > 0 and var end ? title[..end] : title;

    private static void Add(SortedDictionary<string, string> objects, string key, string value)
    {
        var unique = key;
        for (var n = 2; objects.ContainsKey(unique); n++)
            unique = $"{key} #{n}";
        objects[unique] = value;
    }
}
