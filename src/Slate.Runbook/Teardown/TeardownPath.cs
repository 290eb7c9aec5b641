namespace Slate.Runbook.Teardown;

/// <summary>The runbook's two teardown paths (D-061).</summary>
public enum TeardownPath
{
    /// <summary>Path B, the default and the route to phase-01: destroy the model; the pod machines decompose out of MAAS.</summary>
    Destroy,

    /// <summary>Path A, machine-preserving: remove each machine with --keep-instance, then the model. Unvalidated: canary first.</summary>
    Release,
}

/// <param name="Canary">Release path only: do the first host, verify it survived, and stop.</param>
/// <param name="Wait">How long the model may take to die (and a machine to leave MAAS) before the lingering ones are offered to --force.</param>
public sealed record TeardownOptions(TeardownPath Path, bool Canary, TimeSpan Wait);
