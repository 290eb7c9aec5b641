using Slate.Runbook.Ports;

namespace Slate.Lab.Hypervisor.Http;

public sealed record HypervisorError(HypervisorErrorCode Code, string Message);
