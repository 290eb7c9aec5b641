using Slate.Runbook.BundleCheck.Rules;

namespace Slate.Runbook.BundleCheck;

/// <summary>Runbook Step 7b: checks a bundle and its overlays against the generic bundle rules and the site's invariants.</summary>
public static class BundleChecker
{
    /// <exception cref="BundleFileException">the bundle or an allowed overlay is missing or unreadable.</exception>
    public static BundleCheckReport Check(BundleCheckRequest request)
    {
        var rules = request.Site.Bundle;
        var allowedOverlays = request.OverlayPaths.Where(path => OverlayRule.ForbiddenEntry(rules, path) is null).ToList();
        var bundle = BundleLoader.Load(request.BundlePath, allowedOverlays);
        var spaces = request.LiveSpaces ?? request.Site.Planes.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var context = new BundleRuleContext(request.Site, bundle, request.HostProviderMacs, spaces);
        return new BundleCheckReport([
            .. OverlayRule.Check(rules, request.OverlayPaths),
            .. RelationRule.Check(bundle),
            .. PlacementRule.Check(bundle),
            .. BindingRule.Check(context),
            .. PublicBindingRule.Check(context),
            .. VipRule.Check(context),
            .. ChassisMacRule.Check(context),
            .. UnitsRule.Check(context),
            .. PolicydRule.Check(context),
        ]);
    }
}
