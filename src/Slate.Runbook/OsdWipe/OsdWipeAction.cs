using Slate.Runbook.Core;

namespace Slate.Runbook.OsdWipe;

/// <summary>What Step 4 does: one wipe per OSD disk that is not blank yet.</summary>
public abstract record OsdWipeAction : IStepAction<OsdWipeAction>
{
    private const string WipeKind = "wipe-osd";
    private const string HostKey = "host";
    private const string PathKey = "path";
    private const string ExistsKey = "exists";

    private OsdWipeAction()
    {
    }

    /// <summary>Delete the host's OSD disk at Path when it Exists, then create it blank by the site's rule.</summary>
    public sealed record Wipe(string Host, string Path, bool Exists) : OsdWipeAction;

    public PlannedAction Planned(string description) => this switch
    {
        Wipe a => PlannedAction.Of(WipeKind, a.Host, description, (HostKey, a.Host), (PathKey, a.Path), (ExistsKey, a.Exists ? "yes" : "no")),
        _ => throw new InvalidOperationException($"the OSD wipe has no action {GetType().Name}"),
    };

    public static OsdWipeAction From(PlannedAction planned) => planned.Kind switch
    {
        WipeKind => new Wipe(planned.Argument(HostKey), planned.Argument(PathKey), planned.Argument(ExistsKey) == "yes"),
        _ => throw new InvalidOperationException($"the OSD wipe has no action {planned.Kind}"),
    };
}
