using Slate.Runbook.Ports;

namespace Slate.Lab.Hypervisor.Http;

/// <summary>A text answer (a domain's XML, a resolved path).</summary>
public sealed record HypervisorText(string Text);
