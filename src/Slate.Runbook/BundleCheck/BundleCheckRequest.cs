using Slate.Runbook.Core;
using Slate.Runbook.Sites;

namespace Slate.Runbook.BundleCheck;

/// <param name="HostProviderMacs">host name -> MAC of its provider-public NIC (from the site file, the lab or live MAAS).</param>
/// <param name="LiveSpaces">the model's spaces when known live; otherwise bindings are checked against the site's planes.</param>
/// <param name="LiveNetwork">MAAS's ranges and the VIP subnets' address rows when read live; the VIPs are checked against them.</param>
public sealed record BundleCheckRequest(
    Site Site,
    string BundlePath,
    IReadOnlyList<string> OverlayPaths,
    IReadOnlyDictionary<string, string> HostProviderMacs,
    IReadOnlySet<string>? LiveSpaces,
    LiveNetwork? LiveNetwork = null);

public sealed record BundleCheckReport(IReadOnlyList<BundleRuleResult> Results)
{
    public bool AllPassed => Results.All(r => r.Passed);

    /// <summary>The gate's exit code: 0 when every check passed, 3 (gate red) otherwise.</summary>
    public ExitCode ExitCode => AllPassed ? ExitCode.Ok : ExitCode.GateRed;
}

/// <summary>One line of the report: a rule applied to one subject (an application, a host, an overlay, or the whole bundle).</summary>
public sealed record BundleRuleResult(string RuleId, bool Passed, string Subject, string Message)
{
    internal static BundleRuleResult Pass(string ruleId, string subject, string message) => new(ruleId, true, subject, message);

    internal static BundleRuleResult Fail(string ruleId, string subject, string message) => new(ruleId, false, subject, message);
}

public static class BundleRuleIds
{
    public const string Overlays = "overlays";
    public const string Relations = "relations";
    public const string Placement = "placement";
    public const string Bindings = "bindings";
    public const string PublicBinding = "public-binding";
    public const string Vip = "vip";
    public const string VipInMaas = "vip-maas";
    public const string ChassisMacs = "chassis-macs";
    public const string Units = "units";
    public const string Policyd = "policyd";
}
