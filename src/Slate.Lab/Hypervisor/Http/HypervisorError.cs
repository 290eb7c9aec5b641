using Slate.Runbook.Ports;

namespace Slate.Lab.Hypervisor.Http;

public sealed record HypervisorError(HypervisorFailure Code, string Message);
