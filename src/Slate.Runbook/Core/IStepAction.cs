namespace Slate.Runbook.Core;

/// <summary>
/// One step's closed set of actions, as records its planner builds and its applier matches on. <see cref="Planned"/> is
/// the one place an action becomes the plain form the runner shows, journals, fingerprints and saves, and
/// <see cref="From"/> the one place it comes back: an argument's name is written once, beside its record.
/// </summary>
public interface IStepAction<TSelf> where TSelf : IStepAction<TSelf>
{
    /// <param name="description">What the operator reads about it: the planner's words, from what it observed (never fingerprinted).</param>
    PlannedAction Planned(string description);

    /// <exception cref="InvalidOperationException">The plain form is not one of this step's actions.</exception>
    static abstract TSelf From(PlannedAction planned);
}
