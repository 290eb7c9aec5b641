using static Slate.Runbook.BundleCheck.BundleRuleResult;

namespace Slate.Runbook.BundleCheck.Rules;

/// <summary>Every relation joins two different known applications (or saas offers), and no pair is listed twice.</summary>
internal static class RelationRule
{
    public static IEnumerable<BundleRuleResult> Check(Bundle bundle)
    {
        var failures = new List<BundleRuleResult>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relation in bundle.Relations)
        {
            foreach (var side in new[] { relation.A, relation.B })
            {
                if (!bundle.Applications.ContainsKey(side.Application) && !bundle.Saas.ContainsKey(side.Application))
                    failures.Add(Fail(BundleRuleIds.Relations, relation.ToString(), $"'{side.Application}' is no application or saas of the bundle"));
            }
            if (relation.A.Application == relation.B.Application)
                failures.Add(Fail(BundleRuleIds.Relations, relation.ToString(), "relates an application to itself"));
            var key = string.Join(" ", new[] { relation.A.ToString(), relation.B.ToString() }.Order(StringComparer.Ordinal));
            if (!seen.Add(key))
                failures.Add(Fail(BundleRuleIds.Relations, relation.ToString(), "is listed more than once"));
        }
        return failures.Count > 0
            ? failures
            : [Pass(BundleRuleIds.Relations, "bundle", $"all {bundle.Relations.Count} relations name applications or saas of the bundle")];
    }
}
