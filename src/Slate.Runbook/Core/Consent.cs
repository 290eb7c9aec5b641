using Slate.Runbook.Ports;

namespace Slate.Runbook.Core;

/// <summary>
/// How an apply is consented to: the operator types the value the confirmation asks for (or passed it with --confirm),
/// or --approve names the fingerprint of the very plan being applied. Each answer is journalled, a refusal too.
/// </summary>
internal sealed class Consent(IRunObserver observer, Interruption interruption, IReadOnlyList<string> confirmations, string? approval,
    string fingerprint, Action<JournalEvent, string> journal)
{
    /// <param name="approvable">The plan's own confirmation, which --approve may stand for (a follow-up was never in the saved plan).</param>
    public async Task<bool> GivenAsync(Confirmation confirmation, bool approvable)
    {
        if (approvable && approval is not null)
            return Approved(confirmation, approval);
        var typed = confirmations.Count > 0
            ? confirmations.FirstOrDefault(c => c == confirmation.Expected) ?? confirmations[0]
            : await observer.AskAsync(confirmation, interruption.Stop).ConfigureAwait(false);
        if (interruption.StopRequested)
            return Refused("Interrupted at the confirmation; nothing was changed.", "interrupted at the confirmation (a signal)");
        if (typed is null)
            return Refused($"Refused: no terminal to confirm on. Pass --confirm '{confirmation.Expected}' after reading the plan; nothing was changed.",
                "no confirmation (no terminal, no --confirm)");
        if (typed != confirmation.Expected)
            return Refused($"Refused: '{typed}' is not '{confirmation.Expected}'; nothing was changed.", $"confirmation did not match '{confirmation.Expected}'");
        journal(JournalEvent.Confirmed, $"typed '{confirmation.Expected}' for: {string.Join(", ", confirmation.Targets)}");
        return true;
    }

    private bool Approved(Confirmation confirmation, string approved)
    {
        if (approved != fingerprint)
            return Refused($"Refused: --approve {approved} is not this plan's fingerprint ({fingerprint}); nothing was changed.", $"--approve {approved} does not match the plan");
        observer.Note($"Approved: --approve {approved} is this plan's fingerprint; it stands for typing '{confirmation.Expected}'.");
        journal(JournalEvent.Confirmed, $"approved plan {approved} (--approve) for: {string.Join(", ", confirmation.Targets)}");
        return true;
    }

    private bool Refused(string note, string detail)
    {
        observer.Note(note);
        journal(JournalEvent.Refused, detail);
        return false;
    }
}
