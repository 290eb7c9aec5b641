using Slate.Runbook.Phase;
using Slate.Runbook.Sites;

namespace Slate.Cli.Tests.Phase;

/// <summary>The runbook's one list as the commands should show it for the runbook's cloud: each step once, the carve once per host.</summary>
internal static class RunbookList
{
    private static readonly IReadOnlyList<string> Hosts = SiteLoader.Load(CliHarness.SitePath).Hosts.Select(h => h.Name).ToList();

    /// <summary>Each step's number and title, as status and the exit gate show them.</summary>
    public static IReadOnlyList<string> Rows => Each((step, host) => $"{step.Definition.Number} | {Qualified(step.Title, host)}");

    /// <summary>Each step's row in the rehearsal's summary.</summary>
    public static IReadOnlyList<string> Labels => Each((step, host) => Qualified(step.Label, host));

    private static List<string> Each(Func<PhaseStep, string?, string> name) =>
        PhaseSteps.All.SelectMany(s => s.EachHost is not null ? Hosts.Select(h => name(s, h)) : [name(s, null)]).ToList();

    private static string Qualified(string name, string? host) => host is null ? name : $"{name} {host}";
}
