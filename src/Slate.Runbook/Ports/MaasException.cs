namespace Slate.Runbook.Ports;

/// <summary>What went wrong with a MAAS call, in the terms a step must reason about.</summary>
public enum MaasFailure
{
    /// <summary>MAAS refused: the object is in the wrong state (409) or the request is invalid (400, 403). Nothing happened.</summary>
    Refused,

    /// <summary>No such object (404).</summary>
    NotFound,

    /// <summary>A write was sent but its answer was lost (timeout, 504, reset): re-read before deciding anything.</summary>
    OutcomeUnknown,

    /// <summary>MAAS could not be reached, or is unavailable; nothing was changed.</summary>
    Unreachable,

    /// <summary>The API key was refused (401).</summary>
    Unauthorized,
}

/// <summary>A MAAS call failed; translated once by the MAAS adapter. The message is one line and never holds the key.</summary>
public sealed class MaasException(MaasFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public MaasFailure Failure { get; } = failure;
}
