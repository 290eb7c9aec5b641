using static Slate.Runbook.BundleCheck.BundleRuleResult;

namespace Slate.Runbook.BundleCheck.Rules;

/// <summary>Fixed unit counts (mysql-innodb-cluster: 3 for quorum), matched by application or charm name, on distinct machines.</summary>
internal static class UnitsRule
{
    public static IEnumerable<BundleRuleResult> Check(BundleRuleContext context)
    {
        foreach (var (name, count) in context.Site.Bundle.Units)
        {
            var apps = context.Bundle.Applications.Values.Where(a => a.Name == name || a.CharmName == name).ToList();
            if (apps.Count == 0)
                yield return Fail(BundleRuleIds.Units, name, $"no application or charm {name} in the bundle; expected {count} units");
            foreach (var app in apps)
                yield return Check(app, count);
        }
    }

    private static BundleRuleResult Check(BundleApplication app, int count)
    {
        if (app.NumUnits != count)
            return Fail(BundleRuleIds.Units, app.Name, $"num_units {app.NumUnits}; expected {count}");
        var machines = app.To.Select(Placement.Parse).Select(p => p?.Machine).OfType<string>().ToList();
        return machines.Distinct(StringComparer.Ordinal).Count() != machines.Count
            ? Fail(BundleRuleIds.Units, app.Name, $"{count} units but placed on the same machine twice ({string.Join(", ", app.To)})")
            : Pass(BundleRuleIds.Units, app.Name, $"num_units {count}");
    }
}
