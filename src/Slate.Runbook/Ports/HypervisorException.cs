namespace Slate.Runbook.Ports;

public enum HypervisorErrorCode
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
public sealed class HypervisorException(HypervisorErrorCode code, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public HypervisorErrorCode Code { get; } = code;
}
