using Slate.Runbook.Core;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Carve;

/// <summary>The carve's plan: each host's changes as actions, the tree each host will have, and the closing summary.</summary>
public static class CarvePlanner
{
    public static StepPlan Plan(Site site, IReadOnlyList<Host> hosts, IReadOnlyList<HostDiff> diffs)
    {
        var actions = diffs.SelectMany(d => d.Changes.Select(c => Action(d.Host, c))).ToList();
        var findings = diffs.SelectMany(d => d.Findings).ToList();
        var fatal = findings.Count(f => f.Severity == Severity.Fatal);
        var notes = new List<string>();
        if (diffs.Any(d => d.Changes.Any(c => c.Action is CarveAction.CreateBridge)))
            notes.Add("Creating a bridge clears its parent's links and moves the parent onto the bridge's VLAN (MAAS does it): those links are not unlinked one by one.");
        foreach (var delete in diffs.SelectMany(d => d.Changes).Select(c => c.Action).OfType<CarveAction.DeleteInterface>().Where(d => d.Cascade.Length > 0))
            notes.Add($"Deleting {delete.Host} {delete.Interface} also deletes {delete.Cascade} (MAAS deletes the children it orphans); Pattern A ones are created again.");
        var perHost = hosts.Count > 1 ? $" ({string.Join(", ", diffs.Select(d => $"{d.Host.Name} {d.Changes.Count}"))})" : "";
        var heading = hosts.Count == 1
            ? $"Step 6: carve {hosts[0].Name} to Pattern A (n={hosts[0].Number})"
            : $"Step 6: carve to Pattern A — plan for {hosts.Count} hosts (apply one host at a time)";
        return new StepPlan(heading, diffs.Select(Tree).ToList(), findings, actions, notes, Baseline(diffs))
        {
            Summary = $"Summary: {fatal} fatal, {actions.Count} changes{perHost}",
        };
    }

    private static PlannedAction Action(Host host, CarveChange change)
    {
        var description = change.Action switch
        {
            CarveAction.DeleteInterface d => $"delete {change.Interface} ({change.Observed})" + (d.Cascade.Length > 0 ? $" with {d.Cascade}" : ""),
            CarveAction.SetVlan => $"{change.Interface}: move from {change.Observed} to {change.Expected} (MAAS drops its links)",
            CarveAction.SetBridgeType t => $"{change.Interface}: {change.Observed} → bridge {t.BridgeType} (links kept)",
            CarveAction.CreateBridge b => $"create {b.BridgeType} bridge {change.Interface} on {b.Parent}",
            CarveAction.CreateVlan v => $"create VLAN interface {change.Interface} on {v.Parent} ({change.Expected.Split(',')[0]})",
            CarveAction.Unlink u => $"{change.Interface}: unlink {change.Observed} (link {u.LinkId.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
            CarveAction.Link { Dropped: { } wrong } l =>
                $"{change.Interface}: STATIC {l.Address} on {l.Cidr} with force (MAAS moves it off {change.Observed}" +
                (wrong == CarveDiff.NoLink ? ")" : $", dropping {wrong})"),
            CarveAction.Link l => $"{change.Interface}: STATIC {l.Address} on {l.Cidr}",
            _ => throw new InvalidOperationException($"the carve has no action {change.Action}"),
        };
        return change.Action.Planned($"{host.Name} {description}");
    }

    /// <summary>The host's tree once the plan is applied, each interface with what the plan does to it.</summary>
    private static ReportTable Tree(HostDiff diff)
    {
        var rows = diff.Desired.Select(d => ReportTable.Row(PatternA.Indented(d.Name, d.Depth), d.Kind + (d.Kind == "bridge" ? $" {d.BridgeType}" : d.Kind == "vlan" ? $" {d.Template.Vid}" : ""),
            d.Address is null ? "—" : $"static {d.Address}", Fate(diff, d))).ToList();
        rows.AddRange(diff.Changes.Where(c => c.Action is CarveAction.DeleteInterface && !diff.Desired.Any(d => d.Name == c.Interface))
            .Select(c => ReportTable.Row("✗ " + c.Interface, c.Observed, "—", "deleted (not in Pattern A)")));
        var title = diff.Machine is null ? $"{diff.Host.Name}: not in MAAS" : $"{diff.Host.Name} ({diff.Machine.SystemId}, {diff.Machine.StatusName}) after this plan";
        return new ReportTable(title, ["interface", "type", "address", "change"], rows);
    }

    private static string Fate(HostDiff diff, DesiredInterface d)
    {
        if (diff.Findings.Any(f => f.Severity == Severity.Fatal && f.Subject == $"{diff.Host.Name} {d.Name}"))
            return "FATAL (see findings)";
        var changes = diff.ChangesTo(d.Name).Select(c => c.Action switch
        {
            CarveAction.DeleteInterface => "re-created",
            CarveAction.CreateBridge or CarveAction.CreateVlan when diff.ChangesTo(d.Name).Any(x => x.Action is CarveAction.DeleteInterface) => null,
            CarveAction.CreateBridge or CarveAction.CreateVlan when diff.Machine!.Interfaces.Any(i => i.Name == d.Name) => "re-created (its parent is)",
            CarveAction.CreateBridge or CarveAction.CreateVlan => "created",
            CarveAction.SetVlan => $"moved to {c.Expected}",
            CarveAction.SetBridgeType => $"bridge type → {d.BridgeType}",
            CarveAction.Unlink => $"unlink {c.Observed}",
            CarveAction.Link { Dropped: not null } => $"relinked (was {c.Observed})",
            _ => "linked",
        }).OfType<string>().ToList();
        return changes.Count == 0 ? "unchanged" : string.Join(", ", changes);
    }

    private static Dictionary<string, string> Baseline(IReadOnlyList<HostDiff> diffs) =>
        diffs.Where(d => d.Machine is not null).ToDictionary(d => d.Host.Name, d => d.Machine!.SystemId, StringComparer.Ordinal);
}
