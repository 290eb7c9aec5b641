using static Slate.Runbook.BundleCheck.BundleRuleResult;

namespace Slate.Runbook.BundleCheck.Rules;

/// <summary>Each API charm serves its public endpoint on the public plane, bound explicitly or through its default space.</summary>
internal static class PublicBindingRule
{
    public static IEnumerable<BundleRuleResult> Check(BundleRuleContext context)
    {
        var rules = context.Site.Bundle;
        foreach (var name in rules.ApiCharms)
        {
            if (!context.Bundle.Applications.TryGetValue(name, out var app))
            {
                yield return Fail(BundleRuleIds.PublicBinding, name, "is an API charm of the site but not in the bundle");
                continue;
            }
            var explicitSpace = app.Bindings.GetValueOrDefault(rules.PublicEndpoint);
            var space = explicitSpace ?? app.DefaultSpace;
            var how = explicitSpace is null ? "through its default (\"\") binding" : "explicitly";
            yield return space == rules.PublicPlane
                ? Pass(BundleRuleIds.PublicBinding, name, $"{rules.PublicEndpoint} -> {space} ({how})")
                : Fail(BundleRuleIds.PublicBinding, name, space is null
                    ? $"{rules.PublicEndpoint} is not bound (no '{rules.PublicEndpoint}' and no default \"\" binding); expected {rules.PublicPlane}"
                    : $"{rules.PublicEndpoint} -> {space} ({how}); expected {rules.PublicPlane}");
        }
    }
}
