using Slate.Cli.Interaction;
using Slate.Cli.Rendering;
using Slate.Runbook.Core;
using Slate.Runbook.Sites;

namespace Slate.Cli.Steps;

/// <summary>
/// Shows a run to the operator as it happens: the observation's tables, the findings, the plan, each action with its
/// progress (timestamped lines), and the gate. With --json the document is printed at the end and the progress lines
/// go to stderr, so stdout stays one JSON document. A rehearsal answers its own confirmations, and says so.
/// </summary>
internal sealed class ConsoleRunObserver(IInteraction io, Site site, TimeProvider time, bool json, bool answersItself = false) : IRunObserver
{
    public List<string> Notes { get; } = [];

    public void Assessed(StepAssessment assessment, RunMode mode)
    {
        if (json)
            return;
        var plan = assessment.Plan;
        var identity = assessment.MaasName.Length > 0
            ? $" — {site.Cloud.Name} [{site.Cloud.Environment.ToString().ToLowerInvariant()}], MAAS '{assessment.MaasName}'"
            : "";
        io.Line(plan.Heading + identity);
        foreach (var table in plan.Tables)
            io.Table(table.Title, table.Headers, table.Rows);
        FindingsView.Render(io, plan.Findings);
        if (mode != RunMode.Gate && plan.Actions.Count > 0)
        {
            io.Line($"Plan ({plan.Actions.Count} action(s), fingerprint {plan.Fingerprint}):");
            for (var i = 0; i < plan.Actions.Count; i++)
                io.Line($"  {i + 1}. {plan.Actions[i].Kind,-20} {plan.Actions[i].Description}");
            foreach (var note in plan.Notes)
                io.Line($"NOTE: {note}");
        }
        if (plan.Summary is { } summary)
            io.Line(summary);
    }

    /// <summary>The operator's answer; null at once when a signal comes while the prompt waits (the prompt is left behind).</summary>
    public async Task<string?> AskAsync(Confirmation confirmation, CancellationToken ct)
    {
        if (answersItself)
        {
            io.Line($"{confirmation.Prompt}: {confirmation.Expected}    ← typed by the rehearsal itself (a real run asks you)");
            return confirmation.Expected;
        }
        if (json)
            return null;
        var asked = Task.Run(() => io.Ask(confirmation.Prompt), CancellationToken.None);
        var signalled = Task.Delay(Timeout.Infinite, ct);
        return await Task.WhenAny(asked, signalled).ConfigureAwait(false) == asked ? await asked.ConfigureAwait(false) : null;
    }

    public void ActionStarted(PlannedAction action) => Say($"→ {action.Kind} {action.Subject}");

    public void Progress(string line) => Say($"  {line}");

    public void ActionFinished(PlannedAction action, ActionResult result) =>
        Say($"  {result.Outcome.ToString().ToLowerInvariant()}: {result.Detail}");

    public void Note(string line)
    {
        Notes.Add(line);
        if (!json)
            io.Line(line);
    }

    public void GateChecked(GateReport gate)
    {
        if (json || gate.Lines.Count == 0)
            return;
        foreach (var line in gate.Lines)
            io.Line($"{(line.Holds ? "PASS" : "FAIL")}  {line.Code,-14} {line.Subject}: {Judged(line)}");
        var failed = gate.Lines.Count(l => !l.Holds);
        io.Line(failed == 0 ? $"PASS — all {gate.Lines.Count} checks" : $"FAIL — {failed} of {gate.Lines.Count} checks failed");
        if (gate.Basis is { } basis)
            io.Line($"Compared with {basis}.");
    }

    private static string Judged(GateLine line) =>
        line.Holds || line.Expected.Length == 0 ? line.Observed : $"{line.Observed} (expected {line.Expected})";

    private void Say(string line)
    {
        var stamped = $"{time.GetLocalNow():HH:mm:ss} {line}";
        if (json)
            io.Error(stamped);
        else
            io.Line(stamped);
    }
}
