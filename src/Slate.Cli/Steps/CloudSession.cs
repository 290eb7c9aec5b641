using System.Reflection;
using Slate.Cli.Journal;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;

namespace Slate.Cli.Steps;

/// <summary>
/// The connections of one run, each opened on first use and disposed once at the end: a read-only bundle check never
/// contacts MAAS, a teardown plan never writes the journal.
/// </summary>
internal sealed class CloudSession(CliContext context, SlateSettings settings, Site site) : IStepServices, IDisposable
{
    private IMaas? _maas;
    private IJuju? _juju;
    private IHypervisor? _hypervisor;
    private IJournal? _journal;
    private string? _journalPath;

    public Site Site { get; } = site;

    public IMaas Maas => _maas ??= context.ConnectMaas(settings);

    public IJuju Juju => _juju ??= context.ConnectJuju(settings, Site);

    public IHypervisor Hypervisor => _hypervisor ??= context.ConnectHypervisor(settings, Site);

    /// <summary>Where this cloud's journal is (its lock and holder files beside it): resolved once, when first needed.</summary>
    public string JournalPath => _journalPath ??= JournalLocation.For(settings, Site.Cloud.Name);

    public IJournal Journal => _journal ??= new JsonLinesJournal(JournalPath, Operator(), Version, context.Time);

    public TimeProvider Time => context.Time;

    public static string Version { get; } =
        typeof(CloudSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static string Operator() => $"{Environment.UserName}@{Environment.MachineName}";

    public void Dispose()
    {
        (_maas as IDisposable)?.Dispose();
        (_hypervisor as IDisposable)?.Dispose();
    }
}
