namespace Slate.Cli.Rehearsal;

/// <summary>
/// Where `slate rehearse --crash` kills slate: at call <see cref="Call"/> of action <see cref="Action"/> (the lab acts
/// on that call and slate dies before its answer is sent), or, with no call, after the action (the next call is
/// dropped unanswered, or slate dies between calls).
/// </summary>
internal sealed record CrashPoint(int Action, int? Call = null)
{
    public override string ToString() => Call is { } call ? $"action {Action}, call {call}" : $"after action {Action}";
}
