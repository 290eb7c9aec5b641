namespace Slate.Runbook.Ports;

/// <summary>What went wrong with a hypervisor call, in the terms a step must reason about.</summary>
public enum HypervisorFailure
{
    NoDomain,
    NoNetwork,
    NoVolume,
    NoPool,
    NoInterface,
    Unreachable,
    Other,
}

/// <summary>A hypervisor operation failed; Message is libvirt's own message (or the lab's equivalent).</summary>
public sealed class HypervisorException(HypervisorFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public HypervisorFailure Failure { get; } = failure;
}
