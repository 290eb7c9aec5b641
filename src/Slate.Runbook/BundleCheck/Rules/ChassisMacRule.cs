using static Slate.Runbook.BundleCheck.BundleRuleResult;

namespace Slate.Runbook.BundleCheck.Rules;

/// <summary>
/// The chassis application maps the site's bridge to the provider-public NIC MAC of every host, and to nothing else
/// (a stale MAC or a placeholder such as to-be-set would leave a host without external networking).
/// </summary>
internal static class ChassisMacRule
{
    public static IEnumerable<BundleRuleResult> Check(BundleRuleContext context)
    {
        var rule = context.Site.Bundle.Chassis;
        if (!context.Bundle.Applications.TryGetValue(rule.Application, out var app))
        {
            yield return Fail(BundleRuleIds.ChassisMacs, rule.Application, "the site's chassis application is not in the bundle");
            yield break;
        }
        var value = app.Option(rule.Option) ?? "";
        var mapped = new List<string>();
        foreach (var pair in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':');
            if (colon <= 0)
                yield return Fail(BundleRuleIds.ChassisMacs, rule.Application, $"{rule.Option}: '{pair}' is not <bridge>:<interface or MAC>");
            else if (pair[..colon] == rule.Bridge)
                mapped.Add(pair[(colon + 1)..]);
        }
        var expected = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var host in context.Site.Hosts)
        {
            if (!context.HostProviderMacs.TryGetValue(host.Name, out var mac))
            {
                yield return Fail(BundleRuleIds.ChassisMacs, host.Name, "no provider-public MAC is known for this host");
                continue;
            }
            expected.Add(mac);
            yield return mapped.Contains(mac, StringComparer.OrdinalIgnoreCase)
                ? Pass(BundleRuleIds.ChassisMacs, host.Name, $"{rule.Application} {rule.Option} maps {rule.Bridge}:{mac}")
                : Fail(BundleRuleIds.ChassisMacs, host.Name, $"{rule.Application} {rule.Option} does not map {rule.Bridge}:{mac} (has '{value}')");
        }
        if (expected.Count < context.Site.Hosts.Count)
            yield break; // with a host's MAC unknown, an unexpected mapping may be that host's
        foreach (var stray in mapped.Where(m => !expected.Contains(m)))
            yield return Fail(BundleRuleIds.ChassisMacs, rule.Application, $"{rule.Option} maps {rule.Bridge}:{stray}, which is no site host's provider-public MAC");
    }
}
