namespace Slate.Runbook.Core;

/// <summary>How an action ended, as the journal records it.</summary>
public enum ActionOutcome
{
    /// <summary>It happened and was verified.</summary>
    Done,

    /// <summary>It did not happen (the cloud refused or a precondition failed); nothing was changed by it.</summary>
    Failed,

    /// <summary>It may or may not have happened (a lost answer, an interruption): the next run re-observes.</summary>
    Unknown,
}

/// <summary>
/// The result of one action. A step that meets something only the operator may decide (a model that will not die)
/// returns <see cref="FollowUp"/>: more actions, run only after their own typed confirmation.
/// </summary>
public sealed record ActionResult(ActionOutcome Outcome, string Detail, FollowUp? FollowUp = null)
{
    public static ActionResult Done(string detail) => new(ActionOutcome.Done, detail);

    public static ActionResult Failed(string detail) => new(ActionOutcome.Failed, detail);

    public static ActionResult Unknown(string detail) => new(ActionOutcome.Unknown, detail);
}

public sealed record FollowUp(Confirmation Confirmation, IReadOnlyList<PlannedAction> Actions);
