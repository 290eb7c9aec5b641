using Slate.Runbook.Core;

namespace Slate.Runbook.Carve;

/// <summary>
/// The carve's gate: every host's tree is Pattern A exactly — each template interface present, of its kind, parent and
/// bridge type, with exactly its STATIC link, and no stray bridge, VLAN or bond. The lines read as the host's tree.
/// </summary>
public static class CarveGate
{
    public static GateReport Judge(IReadOnlyList<HostDiff> diffs) => new(diffs.SelectMany(d => Lines(d, asTree: true)).ToList());

    /// <summary>One line per template interface and one for strays; <paramref name="asTree"/> indents the names under their parents.</summary>
    public static IEnumerable<GateLine> Lines(HostDiff diff, bool asTree)
    {
        var host = diff.Host.Name;
        if (diff.Machine is not { } machine)
        {
            yield return new GateLine("pattern-a", false, host, "in MAAS, Ready, carved", "not in MAAS");
            yield break;
        }
        foreach (var d in diff.Desired)
        {
            var observed = machine.Interfaces.FirstOrDefault(i => i.Name == d.Name);
            var holds = observed is not null && !diff.Created.Contains(d.Name) && !diff.ChangesTo(d.Name).Any()
                        && !diff.Findings.Any(f => f.Severity == Severity.Fatal && f.Subject == $"{host} {d.Name}");
            var seen = CarveDiff.Observed(observed);
            if (!holds && seen == d.Describe())
                seen += " (goes with a parent that is re-created)";
            yield return new GateLine("pattern-a", holds, $"{host} {(asTree ? PatternA.Indented(d.Name, d.Depth) : d.Name)}", d.Describe(), seen);
        }
        var strays = diff.Changes.Where(c => c.Action is CarveAction.DeleteInterface && !diff.Desired.Any(d => d.Name == c.Interface)).Select(c => c.Interface).ToList();
        yield return new GateLine("no-strays", strays.Count == 0, $"{host} interfaces outside Pattern A", "none",
            strays.Count == 0 ? "none" : string.Join(", ", strays));
    }
}
