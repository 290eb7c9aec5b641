using Slate.Cli.Journal;
using Slate.Cli.Steps;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Cli.Rehearsal;

/// <summary>
/// The ports of a rehearsal: the lab's, shared by every step of the run, and a journal of the rehearsal's own; the
/// hypervisor is the lab's twin unless the rehearsal runs on a real libvirtd.
/// </summary>
internal sealed class RehearsalServices(Site site, RehearsalLab lab, string journalPath, TimeProvider time, IHypervisor? hypervisor = null) : IStepServices
{
    public Site Site { get; } = site;
    public IMaas Maas => lab.Maas;
    public IJuju Juju => lab.Juju;
    public IHypervisor Hypervisor => hypervisor ?? lab.Hypervisor;
    public IJournal Journal { get; } = new JsonLinesJournal(journalPath, CloudSession.Operator(), CloudSession.Version, time);
    public TimeProvider Time { get; } = time;
}
