using Slate.Juju;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Cli;

/// <summary>Opens the Juju port: the juju CLI named by $SLATE_JUJU (a served lab prints its shim there), else `juju` on PATH.</summary>
internal static class JujuConnector
{
    /// <summary>The longest one juju call may run; destroy-model's own wait is bounded by the teardown's --wait below it.</summary>
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(15);

    public static IJuju Connect(SlateSettings settings, Site site) =>
        new JujuCli(settings.JujuExecutable, site.Cloud.JujuController, CommandTimeout);
}
