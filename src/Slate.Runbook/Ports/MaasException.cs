namespace Slate.Runbook.Ports;

/// <summary>A MAAS call failed; translated once by the MAAS adapter. The message is one line and never holds the key.</summary>
public sealed class MaasException(MaasFailure failure, string message, Exception? inner = null, TimeSpan? retryAfter = null)
    : Exception(message, inner)
{
    public MaasFailure Failure { get; } = failure;

    /// <summary>How long MAAS asked the client to wait before asking again (its Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
