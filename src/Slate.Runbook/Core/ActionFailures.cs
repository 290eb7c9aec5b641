using Slate.Runbook.Ports;

namespace Slate.Runbook.Core;

/// <summary>
/// What a failed action means for the cloud: Failed when the port proves nothing happened, Unknown when it may have.
/// Anything the ports do not describe is not classified (it is a bug, and surfaces as one).
/// </summary>
public static class ActionFailures
{
    public static ActionOutcome? Classify(Exception e) => e switch
    {
        MaasException { Failure: MaasFailure.OutcomeUnknown } => ActionOutcome.Unknown,
        MaasException => ActionOutcome.Failed,
        JujuRequestException => ActionOutcome.Failed,
        JujuModelNotFoundException => ActionOutcome.Failed,
        JujuException => ActionOutcome.Unknown,
        HypervisorException { Code: HypervisorErrorCode.Unreachable } => ActionOutcome.Failed,
        HypervisorException => ActionOutcome.Unknown,
        _ => null,
    };
}
