using Slate.Runbook.Sites;

namespace Slate.Runbook.BundleCheck.Rules;

internal sealed record BundleRuleContext(
    Site Site, Bundle Bundle, IReadOnlyDictionary<string, string> HostProviderMacs, IReadOnlySet<string> Spaces, LiveNetwork? Network);
