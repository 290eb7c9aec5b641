using System.CommandLine;
using Slate.Runbook.Core;
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

    private CommandRun(CliContext context, ParseResult result, SlateSettings settings)
    {
        _context = context;
        _result = result;
        _json = result.GetValue(GlobalOptions.Json);
        Settings = settings;
        Site = SiteLoader.Load(settings.SiteFile);
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
        new(Session, Observer, _context.Interruption, _result.GetValue(GlobalOptions.Confirm) ?? []) { Saved = saved, Approval = approval };

    /// <summary>The run's exit code, its document printed first with --json.</summary>
    public int Finish(StepRun run)
    {
        if (_json)
            _context.Io.Json(StepDocuments.ToJson(run, Site, Observer.Notes));
        return (int)run.ExitCode;
    }

    public void Dispose() => Session.Dispose();
}
