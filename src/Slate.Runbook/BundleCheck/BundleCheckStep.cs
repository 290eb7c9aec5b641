using Slate.Runbook.BundleCheck.Rules;
using Slate.Runbook.Carve;
using Slate.Runbook.Core;

namespace Slate.Runbook.BundleCheck;

/// <summary>
/// Runbook Step 7b (read-only): the bundle and its overlays against the site's invariants. Offline by default (the
/// site file's MACs and planes); with --live the spaces and MACs come from MAAS, after the identity check, and every
/// VIP is checked against MAAS's IP ranges and the address rows of its subnet.
/// </summary>
public sealed class BundleCheckStep(IStepServices services, string bundlePath, IReadOnlyList<string> overlays, bool live)
    : Step<BundleCheckReport>(services)
{
    public static readonly ArgumentParameter Bundle = new("bundle", "The Juju bundle (bundle.yaml)");

    public static readonly ValuesParameter Overlay = new("overlay", "An overlay merged over the bundle, in order (repeatable)");

    public static readonly FlagParameter Live = new("live",
        "Take spaces and the hosts' provider NIC MACs from live MAAS (MAAS_URL + MAAS_API_KEY, or --maas-profile) instead of the site file, " +
        "and check each VIP against MAAS's IP ranges and address rows");

    public static readonly StepDefinition Definition = new(
        "bundle",
        ["bundle", "check"],
        "Check a bundle (+ overlays) against the site's invariants: relations, placements, bindings, public bindings of the API " +
        "charms, VIP triples (with --live: outside MAAS's dynamic ranges and held by no MAAS address), the chassis MAC mapping, unit counts, policyd overrides, forbidden overlays (all from the site's bundle: " +
        "section). Exit 0 all PASS, 3 any FAIL, 2 for a bundle or site file that cannot be read; with --live, 1 when MAAS cannot be " +
        "reached and 4 when it is not the site's cloud.",
        Mutates: false,
        [Bundle, Overlay, Live],
        (services, arguments) => new BundleCheckStep(services, arguments.Get(Bundle) ?? throw new StepArgumentException("the bundle file is required"),
            arguments.Get(Overlay), arguments.Get(Live)))
    {
        Number = "7b",
        After = [StepRequirement.Gate(CarveStep.StepName)],
    };

    public override string Name => "bundle";

    protected override bool ChecksIdentity => live;

    protected override async Task<BundleCheckReport> ObserveAsync(CancellationToken ct)
    {
        var bundle = BundleChecker.Load(Site, bundlePath, overlays);
        var facts = live
            ? await LiveBundleFacts.FromMaasAsync(Site, Services.Maas, HaclusterVips.All(bundle), ct).ConfigureAwait(false)
            : LiveBundleFacts.FromSite(Site);
        return BundleChecker.Check(new BundleCheckRequest(Site, bundlePath, overlays, facts.HostProviderMacs, live ? facts.Spaces : null, facts.Network), bundle);
    }

    protected override StepPlan Plan(BundleCheckReport report) => new(
        $"Bundle gate (read-only) — {bundlePath}{(overlays.Count == 0 ? "" : $" + {string.Join(", ", overlays)}")}",
        [], [], [], [], new Dictionary<string, string>());

    protected override GateReport Gate(BundleCheckReport report) =>
        new(report.Results.Select(r => new GateLine(r.RuleId, r.Passed, r.Subject, "", r.Message)).ToList());
}
