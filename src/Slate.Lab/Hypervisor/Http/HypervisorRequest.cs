using Slate.Runbook.Ports;

namespace Slate.Lab.Hypervisor.Http;

/// <summary>One call to the served lab hypervisor: which fields matter depends on the operation in the URL.</summary>
public sealed record HypervisorRequest(string? Domain = null, string? Mac = null, string? Name = null, string? Path = null, VolumeSpec? Spec = null);
