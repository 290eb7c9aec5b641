using static Slate.Runbook.BundleCheck.BundleRuleResult;

namespace Slate.Runbook.BundleCheck.Rules;

/// <summary>Every <c>to:</c> names a declared machine or application, and every declared machine is used.</summary>
internal static class PlacementRule
{
    public static IEnumerable<BundleRuleResult> Check(Bundle bundle)
    {
        var failures = new List<BundleRuleResult>();
        var usedMachines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var app in bundle.Applications.Values)
        {
            if (app.To.Count > app.NumUnits)
                failures.Add(Fail(BundleRuleIds.Placement, app.Name, $"{app.To.Count} placements for {app.NumUnits} unit(s)"));
            foreach (var directive in app.To)
            {
                if (Problem(bundle, app, directive, usedMachines) is { } problem)
                    failures.Add(Fail(BundleRuleIds.Placement, app.Name, $"to: '{directive}' {problem}"));
            }
        }
        foreach (var id in bundle.Machines.Keys.Where(id => !usedMachines.Contains(id)))
            failures.Add(Fail(BundleRuleIds.Placement, $"machine {id}", "is declared but no to: places anything on it"));
        return failures.Count > 0
            ? failures
            : [Pass(BundleRuleIds.Placement, "bundle", "every to: names a declared machine or application")];
    }

    private static string? Problem(Bundle bundle, BundleApplication app, string directive, HashSet<string> usedMachines)
    {
        switch (Placement.Parse(directive))
        {
            case null:
                return "is not a placement ([lxd:|kvm:](new | machine | app | app/unit))";
            case { Machine: { } machine }:
                usedMachines.Add(machine);
                return bundle.Machines.ContainsKey(machine) ? null : $"names machine {machine}, which the bundle does not declare";
            case { Application: { } target, Unit: var unit }:
                if (target == app.Name) return "places the application on itself";
                if (!bundle.Applications.TryGetValue(target, out var host)) return $"names '{target}', which is no application of the bundle";
                return unit >= host.NumUnits ? $"names unit {unit} but {target} has {host.NumUnits} unit(s)" : null;
            default:
                return null;
        }
    }
}
