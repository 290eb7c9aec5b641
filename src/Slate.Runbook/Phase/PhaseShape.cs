namespace Slate.Runbook.Phase;

/// <summary>How many times the phase runs a step of the runbook, and with what.</summary>
public enum PhaseShape
{
    /// <summary>Once, with no arguments of the phase's.</summary>
    Once,

    /// <summary>Once per host, the host given as the step's <c>host</c> argument (Step 6: one host per call).</summary>
    EachHost,

    /// <summary>Once when there is a bundle, given as the step's <c>bundle</c> argument with <c>--live</c>; not at all without one.</summary>
    LiveBundle,
}
