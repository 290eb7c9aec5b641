using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Runbook.Tests.Support;

/// <summary>The ports a step runs on in a domain test, with an in-memory journal.</summary>
internal sealed record TestServices(Site Site, IMaas Maas, IJuju Juju, IHypervisor Hypervisor, TimeProvider Time) : IStepServices
{
    public MemoryJournal MemoryJournal { get; } = new();

    public IJournal Journal => MemoryJournal;
}
