using Slate.Cli.Steps;
using Slate.Runbook.Core;

namespace Slate.Cli.Rehearsal;

/// <summary>
/// The steps of one rehearsal, each run as an operator runs it (through the one runner, in the runbook's order, the
/// rehearsal typing its own confirmations), with the MAAS calls each one cost.
/// </summary>
internal sealed class RehearsalRun(CliContext context, RehearsalServices services, RehearsalLab lab)
{
    public List<RehearsalGate> Gates { get; } = [];

    /// <param name="after">The steps this one comes after (the runbook's order), assessed before it changes anything.</param>
    public async Task RunAsync(string heading, string label, IStep step, RunMode mode, IReadOnlyList<Prerequisite> after)
    {
        Heading(heading);
        var before = lab.Client.RequestCount;
        var observer = new ConsoleRunObserver(context.Io, services.Site, context.Time, json: false, answersItself: true);
        var run = await new StepRunner(services, observer, context.Interruption, []).RunAsync(step, mode, after).ConfigureAwait(false);
        Gates.Add(RehearsalGate.Of(label, run.ExitCode == ExitCode.Ok, lab.Client.RequestCount - before));
    }

    public void Say(string title, string line)
    {
        Heading(title);
        context.Io.Line(line);
    }

    private void Heading(string title)
    {
        context.Io.Line("");
        context.Io.Line($"== {title} ==");
    }
}
