using Slate.Juju;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Cli;

/// <summary>Opens the Juju port: the juju CLI named by $SLATE_JUJU (a served lab prints its shim there), else `juju` on PATH.</summary>
internal static class JujuConnector
{
    public const string ExecutableVariable = "SLATE_JUJU";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(15);

    public static IJuju Connect(IReadOnlyDictionary<string, string?> env, Site site) =>
        new JujuCli(env.GetValueOrDefault(ExecutableVariable) ?? "juju", site.Cloud.JujuController, CommandTimeout);
}
