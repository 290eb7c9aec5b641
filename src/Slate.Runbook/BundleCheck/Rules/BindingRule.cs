using static Slate.Runbook.BundleCheck.BundleRuleResult;

namespace Slate.Runbook.BundleCheck.Rules;

/// <summary>Every binding names a known space: Juju's dry run does not check this, a deploy fails late on it.</summary>
internal static class BindingRule
{
    public static IEnumerable<BundleRuleResult> Check(BundleRuleContext context)
    {
        var failures = (
            from app in context.Bundle.Applications.Values
            from binding in app.Bindings
            where !context.Spaces.Contains(binding.Value)
            select Fail(BundleRuleIds.Bindings, app.Name,
                $"binds {(binding.Key.Length == 0 ? "its default (\"\")" : binding.Key)} to '{binding.Value}', which is no space (known: {string.Join(", ", context.Spaces.Order(StringComparer.Ordinal))})"))
            .ToList();
        return failures.Count > 0
            ? failures
            : [Pass(BundleRuleIds.Bindings, "bundle", $"every binding names one of {context.Spaces.Count} known spaces")];
    }
}
