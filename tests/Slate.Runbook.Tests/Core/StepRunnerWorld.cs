using Slate.Lab.Hypervisor;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Preflight;
using Slate.Runbook.Tests.Sites;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Core;

/// <summary>The runbook's site on quiet ports, for tests of the runner itself.</summary>
internal static class StepRunnerWorld
{
    public static readonly Site Site = SiteLoader.Load(SiteFiles.CaracalPath);

    public static TestServices Services() =>
        new(Site, new RecordedMaas("caracal-testcloud", [], []), RecordedJuju.Without("openstack"), LabHypervisor.FromSite(Site), TimeProvider.System);
}
