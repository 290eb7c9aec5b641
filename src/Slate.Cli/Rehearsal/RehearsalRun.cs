using Slate.Cli.Steps;
using Slate.Runbook.Core;
using Slate.Runbook.Phase;
using Slate.Runbook.Sites;

namespace Slate.Cli.Rehearsal;

/// <summary>
/// The steps of one rehearsal, each run as an operator runs it (through the one runner, in the runbook's order, the
/// rehearsal typing its own confirmations), with the MAAS calls each one cost.
/// </summary>
internal sealed class RehearsalRun(CliContext context, RehearsalServices services, RehearsalLab lab)
{
    public List<RehearsalGate> Gates { get; } = [];

    /// <summary>
    /// One step of the runbook as an operator runs it: applied when it changes something (the rehearsal types the
    /// confirmations), gated otherwise; the carve for every site host MAAS has (Step 5 re-enrols them after the teardown).
    /// </summary>
    public async Task RunAsync(PhaseStep step, string? bundlePath, CancellationToken ct)
    {
        var mode = step.Definition.Mutates ? RunMode.Apply : RunMode.Gate;
        // The rehearsal knows the lab's power password: it is handed over as a secret, never asked for or shown.
        SecretSource password = _ => new SecretText(lab.Cloud.Pods.Pod.PowerPassword);
        var secrets = step.Definition.Parameters.Where(p => p.Kind == ParameterKind.Secret).ToDictionary(p => p.Name, _ => password, StringComparer.Ordinal);
        var hosts = step.EachHost is not null ? await EnrolledAsync(ct).ConfigureAwait(false) : services.Site.Hosts;
        var entries = step.Entries(services, hosts, bundlePath, new StepArguments(step.Rehearsed, secrets) { Mode = mode });
        foreach (var entry in entries)
            await RunAsync(entry.Heading, entry.Label, entry.Step, mode).ConfigureAwait(false);
        if (entries.Count > 0)
            return;
        if (step.EachHost is not null)
            Say(step.HeadingFor(null), "no host is in MAAS after the teardown: Step 5 (re-enrolment) brings them back to be carved");
        else
        {
            Say($"Step {step.Definition.Number}: {step.Label}, and the EXIT GATE", "no bundle: pass --bundle FILE (or keep <site>.bundle.yaml beside the site file)");
            Gates.Add(RehearsalGate.Skipped(step.Label, 0));
        }
    }

    public async Task RunAsync(string heading, string label, IStep step, RunMode mode)
    {
        Heading(heading);
        var before = lab.Client.RequestCount;
        var observer = new ConsoleRunObserver(context.Io, services.Site, context.Time, json: false, answersItself: true);
        var run = await new StepRunner(services, observer, context.Interruption, []).RunAsync(step, mode).ConfigureAwait(false);
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

    /// <summary>The site's hosts MAAS has: after the teardown only those Step 5 re-enrolled can be carved.</summary>
    private async Task<IReadOnlyList<Host>> EnrolledAsync(CancellationToken ct)
    {
        var enrolled = (await services.Maas.FindMachinesAsync(services.Site.Hosts.Select(h => h.Name).ToList(), ct).ConfigureAwait(false))
            .Select(m => m.Hostname).ToHashSet(StringComparer.Ordinal);
        return services.Site.Hosts.Where(h => enrolled.Contains(h.Name)).ToList();
    }
}
