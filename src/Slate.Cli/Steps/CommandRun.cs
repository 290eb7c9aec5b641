using System.CommandLine;
using Slate.Cli.Journal;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Cli.Steps;

/// <summary>
/// The prologue and epilogue of every command that reads the cloud: the settings, the site, the session on it (each
/// connection opened on first use, disposed once), the console observer and the one runner, and with --json the
/// run's document at the end.
/// </summary>
internal sealed class CommandRun : IDisposable
{
    private readonly CliContext _context;
    private readonly ParseResult _result;
    private readonly bool _json;
    private string? _run;

    private CommandRun(CliContext context, ParseResult result, SlateSettings settings)
    {
        _context = context;
        _result = result;
        _json = result.GetValue(GlobalOptions.Json);
        Settings = settings;
        Site = settings.LoadSite();
        Session = new CloudSession(context, settings, Site);
        Observer = new ConsoleRunObserver(context.Io, Site, context.Time, _json);
    }

    public SlateSettings Settings { get; }

    public Site Site { get; }

    public CloudSession Session { get; }

    public ConsoleRunObserver Observer { get; }

    public static CommandRun Open(CliContext context, ParseResult result) => new(context, result, SlateSettings.Resolve(result, context.Environment));

    /// <summary>The runner with the --confirm answers given; <paramref name="saved"/> and <paramref name="approval"/> for `slate apply`.</summary>
    public StepRunner Runner(SavedPlan? saved = null, string? approval = null) =>
        new(Session, Observer, _context.Interruption, _result.GetValue(GlobalOptions.Confirm) ?? []) { Saved = saved, Approval = approval, Run = _run };

    /// <summary>
    /// The cloud's lock for a run that may change it (--apply, `slate apply`), taken before anything is read and held
    /// until the caller disposes it after the gate; none for a read-only run. A lock taken over is said and journalled.
    /// </summary>
    /// <exception cref="CliRefusedException">Another run holds it.</exception>
    public RunLock? LockFor(StepDefinition definition, RunMode mode)
    {
        if (mode != RunMode.Apply)
            return null;
        var taken = RunLock.Take(Session.JournalPath, RunLock.Describe($"{string.Join(' ', definition.Command)} --apply", CloudSession.Operator(), _context.Time.GetUtcNow()));
        if (taken.TakenOverFrom is { } left)
        {
            _run = RunId.New(_context.Time);
            Observer.Note($"Took over the cloud's lock from a run that ended without releasing it: {left}.");
            Session.Journal.Append(new JournalEntry(_context.Time.GetUtcNow(), Site.Cloud.Name, definition.Name, JournalEvent.LockTakenOver, null,
                Detail: left, Run: _run));
        }
        return taken;
    }

    /// <summary>The run's exit code, its document printed first with --json.</summary>
    public int Finish(StepRun run)
    {
        if (_json)
            _context.Io.Json(StepDocuments.ToJson(run, Site, Observer.Notes));
        return (int)run.ExitCode;
    }

    public void Dispose() => Session.Dispose();
}
