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
        JujuException { Failure: JujuFailure.Invalid or JujuFailure.ModelNotFound } => ActionOutcome.Failed,
        JujuException => ActionOutcome.Unknown,
        HypervisorException { Failure: HypervisorFailure.Unreachable } => ActionOutcome.Failed,
        HypervisorException => ActionOutcome.Unknown,
        _ => null,
    };
}
