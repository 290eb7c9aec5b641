using Slate.Runbook.BundleCheck.Rules;
using Slate.Runbook.Sites;

namespace Slate.Runbook.BundleCheck;

/// <summary>Runbook Step 7b: checks a bundle and its overlays against the generic bundle rules and the site's invariants.</summary>
public static class BundleChecker
{
    /// <exception cref="BundleFileException">the bundle or an allowed overlay is missing or unreadable.</exception>
    public static BundleCheckReport Check(BundleCheckRequest request) =>
        Check(request, Load(request.Site, request.BundlePath, request.OverlayPaths));

    /// <summary>The bundle with the overlays the site allows merged in (a forbidden one is reported by the check, never merged).</summary>
    /// <exception cref="BundleFileException">the bundle or an allowed overlay is missing or unreadable.</exception>
    public static Bundle Load(Site site, string bundlePath, IReadOnlyList<string> overlayPaths) =>
        BundleLoader.Load(bundlePath, overlayPaths.Where(path => OverlayRule.ForbiddenEntry(site.Bundle, path) is null).ToList());

    /// <summary>Checks <paramref name="bundle"/>, loaded from the request's files by <see cref="Load"/>.</summary>
    public static BundleCheckReport Check(BundleCheckRequest request, Bundle bundle)
    {
        var rules = request.Site.Bundle;
        var spaces = request.LiveSpaces ?? request.Site.Planes.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var context = new BundleRuleContext(request.Site, bundle, request.HostProviderMacs, spaces, request.LiveNetwork);
        return new BundleCheckReport([
            .. OverlayRule.Check(rules, request.OverlayPaths),
            .. RelationRule.Check(bundle),
            .. PlacementRule.Check(bundle),
            .. BindingRule.Check(context),
            .. PublicBindingRule.Check(context),
            .. VipRule.Check(context),
            .. VipMaasRule.Check(context),
            .. ChassisMacRule.Check(context),
            .. UnitsRule.Check(context),
            .. PolicydRule.Check(context),
        ]);
    }
}
