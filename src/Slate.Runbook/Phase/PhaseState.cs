namespace Slate.Runbook.Phase;

public enum PhaseState
{
    /// <summary>The gate holds and there is nothing left to do.</summary>
    Green,

    /// <summary>The step has changes to make and may make them now.</summary>
    Ready,

    /// <summary>Not yet applicable: a step before it has not reached its gate, or its own starting state does not hold.</summary>
    Waiting,

    /// <summary>The gate does not hold and the step cannot get there by itself (fatal findings, or nothing it could do).</summary>
    Red,
}
