using Slate.Cli.Interaction;
using Slate.Runbook.Core;

namespace Slate.Cli.Rendering;

internal static class FindingsView
{
    public static void Render(IInteraction io, IReadOnlyList<Finding> findings)
    {
        foreach (var f in findings.OrderByDescending(f => f.Severity))
            io.Line($"{f.Severity.ToString().ToUpperInvariant(),-7} {f.Subject}: {f.Message}");
        var fatal = findings.Count(f => f.Severity == Severity.Fatal);
        var warnings = findings.Count(f => f.Severity == Severity.Warning);
        var unmet = findings.Count(f => f.Severity == Severity.Precondition);
        io.Line($"Summary: {fatal} fatal, {warnings} warning(s)" + (unmet > 0 ? $", {unmet} unmet precondition(s)" : ""));
    }
}
