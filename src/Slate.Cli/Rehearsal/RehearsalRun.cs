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

    /// <param name="definition">The step's definition when the runbook's order applies to it (the steps it comes after).</param>
    public async Task RunAsync(string title, string name, IStep step, RunMode mode, StepDefinition? definition = null)
    {
        Heading(title);
        var before = lab.Client.RequestCount;
        var observer = new ConsoleRunObserver(context.Io, services.Site, context.Time, json: false, answersItself: true);
        var after = definition is null ? [] : PhaseCatalog.PrerequisitesOf(definition, services);
        var run = await new StepRunner(services, observer, context.Interruption, []).RunAsync(step, mode, after).ConfigureAwait(false);
        Gates.Add(RehearsalGate.Of(name, run.ExitCode == ExitCode.Ok, lab.Client.RequestCount - before));
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
