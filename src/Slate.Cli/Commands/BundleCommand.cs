using System.CommandLine;
using Slate.Cli.Rendering;
using Slate.Runbook.BundleCheck;
using Slate.Runbook.Sites;

namespace Slate.Cli.Commands;

/// <summary>`slate bundle check`: runbook Step 7b, the bundle invariants before every deploy (read-only).</summary>
internal static class BundleCommand
{
    private static readonly Argument<string> BundlePath = new("bundle") { Description = "The Juju bundle (bundle.yaml)" };

    private static readonly Option<string[]> Overlays = new("--overlay")
    {
        Description = "An overlay merged over the bundle, in order (repeatable)",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<bool> Live = new("--live")
    {
        Description = "Take spaces and the hosts' provider NIC MACs from live MAAS (MAAS_URL + MAAS_API_KEY, or --maas-profile) instead of the site file",
    };

    public static Command Create(CliContext context)
    {
        var check = new Command("check",
            "Check a bundle (+ overlays) against the site's invariants: relations, placements, bindings, public bindings of the API " +
            "charms, VIP triples, the chassis MAC mapping, unit counts, policyd overrides, forbidden overlays (all from the site's bundle: " +
            "section). Exit 0 all PASS, 3 any FAIL, 2 for a bundle or site file that cannot be read; with --live, 1 when MAAS cannot be " +
            "reached and 4 when it is not the site's cloud.");
        check.Arguments.Add(BundlePath);
        check.Options.Add(Overlays);
        check.Options.Add(Live);
        check.Options.Add(GlobalOptions.Site);
        check.Options.Add(GlobalOptions.Json);
        check.Options.Add(GlobalOptions.MaasProfile);
        check.SetAction((result, ct) => CheckAsync(context, result, ct));
        var bundle = new Command("bundle", "Juju bundle gate (runbook Step 7b).");
        bundle.Subcommands.Add(check);
        return bundle;
    }

    private static async Task<int> CheckAsync(CliContext context, ParseResult result, CancellationToken ct)
    {
        var site = SiteLoader.Load(GlobalOptions.SitePath(result, context.Environment));
        var facts = result.GetValue(Live)
            ? await LiveBundleFacts.FromMaasAsync(site, context.ConnectMaas(result, context.Environment), ct).ConfigureAwait(false)
            : LiveBundleFacts.FromSite(site);
        var request = new BundleCheckRequest(site, result.GetRequiredValue(BundlePath), result.GetValue(Overlays) ?? [],
            facts.HostProviderMacs, result.GetValue(Live) ? facts.Spaces : null);
        var report = BundleChecker.Check(request);
        if (result.GetValue(GlobalOptions.Json))
            context.Io.Json(BundleView.ToJson(request, report));
        else
            BundleView.Render(context.Io, request, report);
        return (int)report.ExitCode;
    }
}
