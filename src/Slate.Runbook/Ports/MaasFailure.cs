namespace Slate.Runbook.Ports;

/// <summary>What went wrong with a MAAS call, in the terms a step must reason about.</summary>
public enum MaasFailure
{
    /// <summary>
    /// MAAS refused: the object is in the wrong state (409 without Retry-After) or the request is invalid (400, 403).
    /// Nothing happened, and sending it again would be refused again: the message carries MAAS's text.
    /// </summary>
    Refused,

    /// <summary>No such object (404).</summary>
    NotFound,

    /// <summary>A write was sent but its answer was lost (timeout, 504, reset): re-read before deciding anything.</summary>
    OutcomeUnknown,

    /// <summary>MAAS could not be reached, or is unavailable (503); nothing was changed.</summary>
    Unreachable,

    /// <summary>The API key was refused (401).</summary>
    Unauthorized,

    /// <summary>
    /// MAAS is busy: its database transaction kept failing to serialise, so it rolled the request back and answered 409
    /// with Retry-After, asking for it again (canonical/maas src/maasserver/utils/views.py, HttpResponseConflict; LP
    /// #2034014). Nothing was done; the same request is safe to send again after <see cref="MaasException.RetryAfter"/>.
    /// </summary>
    Busy,
}
