using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Carve;

/// <summary>
/// One host's interface tree against Pattern A: the fatal findings that forbid carving it, and the changes (one MAAS
/// write each) that make it Pattern A, in dependency order. Interfaces planned for creation are in <see cref="Created"/>.
/// </summary>
public sealed record HostDiff(
    Host Host, MaasMachine? Machine, IReadOnlyList<DesiredInterface> Desired, IReadOnlyList<Finding> Findings,
    IReadOnlyList<CarveChange> Changes, IReadOnlySet<string> Created)
{
    public IEnumerable<CarveChange> ChangesTo(string name) => Changes.Where(c => c.Interface == name);
}
