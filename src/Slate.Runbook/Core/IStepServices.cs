using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Core;

/// <summary>
/// What a step works with: the site and the ports, opened once per run (on first use, so a step that never needs
/// the hypervisor never connects to it) and disposed once.
/// </summary>
public interface IStepServices
{
    Site Site { get; }
    IMaas Maas { get; }
    IJuju Juju { get; }
    IHypervisor Hypervisor { get; }
    IJournal Journal { get; }
    TimeProvider Time { get; }
}
