using Slate.Runbook.Sites;
using static Slate.Runbook.BundleCheck.BundleRuleResult;

namespace Slate.Runbook.BundleCheck.Rules;

/// <summary>Overlays the site forbids (by file name) are refused and not merged.</summary>
internal static class OverlayRule
{
    public static string? ForbiddenEntry(BundleRules rules, string overlayPath) =>
        rules.ForbiddenOverlays.FirstOrDefault(entry =>
            Path.GetFileNameWithoutExtension(overlayPath).Contains(entry, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<BundleRuleResult> Check(BundleRules rules, IReadOnlyList<string> overlayPaths)
    {
        if (overlayPaths.Count == 0)
            yield return Pass(BundleRuleIds.Overlays, "bundle", "no overlays");
        foreach (var path in overlayPaths)
        {
            var name = Path.GetFileName(path);
            yield return ForbiddenEntry(rules, path) is { } entry
                ? Fail(BundleRuleIds.Overlays, name, $"refused: the site forbids the {entry} overlay (not merged)")
                : Pass(BundleRuleIds.Overlays, name, "allowed and merged");
        }
    }
}
