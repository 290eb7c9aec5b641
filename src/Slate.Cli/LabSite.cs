using System.CommandLine;
using Slate.Lab;
using Slate.Runbook.Sites;

namespace Slate.Cli;

/// <summary>The lab commands use --site or $SLATE_SITE when given, else the built-in runbook cloud.</summary>
internal static class LabSite
{
    public static Site Resolve(ParseResult result, IReadOnlyDictionary<string, string?> env) =>
        GlobalOptions.GivenSitePath(result, env) is { } path
            ? SiteLoader.Load(path)
            : SampleSite.Load();
}
