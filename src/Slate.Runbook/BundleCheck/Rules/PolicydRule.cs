using static Slate.Runbook.BundleCheck.BundleRuleResult;

namespace Slate.Runbook.BundleCheck.Rules;

/// <summary>Each policyd application turns overrides on and ships its policyd-override resource as a file that exists.</summary>
internal static class PolicydRule
{
    public const string Option = "use-policyd-override";
    public const string Resource = "policyd-override";

    public static IEnumerable<BundleRuleResult> Check(BundleRuleContext context)
    {
        foreach (var name in context.Site.Bundle.Policyd)
        {
            yield return context.Bundle.Applications.TryGetValue(name, out var app)
                ? Check(app)
                : Fail(BundleRuleIds.Policyd, name, "is a policyd application of the site but not in the bundle");
        }
    }

    private static BundleRuleResult Check(BundleApplication app)
    {
        if (!string.Equals(app.Option(Option), "true", StringComparison.OrdinalIgnoreCase))
            return Fail(BundleRuleIds.Policyd, app.Name, $"{Option} is '{app.Option(Option) ?? "unset"}'; expected true");
        if (!app.Resources.TryGetValue(Resource, out var resource))
            return Fail(BundleRuleIds.Policyd, app.Name, $"has no {Resource} resource");
        if (resource.IsRevision)
            return Fail(BundleRuleIds.Policyd, app.Name, $"{Resource} is charm revision {resource.Value}, not a file the bundle ships");
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(resource.DeclaredIn)) ?? "", resource.Value);
        return File.Exists(path)
            ? Pass(BundleRuleIds.Policyd, app.Name, $"{Option} true, {Resource} {resource.Value}")
            : Fail(BundleRuleIds.Policyd, app.Name, $"{Resource} file '{resource.Value}' does not exist ({path})");
    }
}
