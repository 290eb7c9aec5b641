using Slate.Lab.Hypervisor;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Reenroll;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Preflight;
using Slate.Runbook.Tests.Sites;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Reenroll;

/// <summary>
/// The runbook's cloud after the destroy path and Steps 3–4: the four domains shut off, the stale networks gone, the OSD
/// disks blank, MAAS without the hosts, the teardown journalled.
/// </summary>
internal sealed class ReenrollWorld
{
    public const string Password = "pw-Zq81-libvirt";
    public static readonly Site Site = SiteLoader.Load(SiteFiles.CaracalPath);
    public static readonly string[] Hosts = ["openstack0", "openstack1", "openstack2", "openstack3"];

    public ReenrollWorld()
    {
        foreach (var host in Hosts)
            Hypervisor.SetState(host, DomainState.ShutOff);
        RunbookStages.PruneAndWipe(Hypervisor, Site);
        Services = new TestServices(Site, Maas, RecordedJuju.Without("openstack"), Hypervisor, new FastTime());
        Services.MemoryJournal.AppendApplied(new JournalEntry(DateTimeOffset.UnixEpoch, Site.Cloud.Name, "teardown", JournalEvent.Plan, "f00",
            Arguments: Hosts.ToDictionary(h => "host:" + h, h => "old-" + h)));
    }

    public LabHypervisor Hypervisor { get; } = LabHypervisor.FromSite(Site);
    public EnrolmentMaas Maas { get; } = new();
    public TestServices Services { get; set; }
    public List<string> Prompts { get; } = [];
    public string? Typed { get; set; } = Password;

    public string BootMac(string host) => Hypervisor.NicsOf(host).Single(n => n.Network == "metal-admin").Mac;

    public ReenrollStep Step(TimeSpan? wait = null) => new(Services, new ReenrollOptions(wait ?? TimeSpan.FromMinutes(30), prompt =>
    {
        Prompts.Add(prompt);
        return Typed is null ? null : new SecretText(Typed);
    }));

    public Task<StepRun> ApplyAsync(IRunObserver observer, TimeSpan? wait = null) =>
        new StepRunner(Services, observer, new Interruption(), []).RunAsync(Step(wait), RunMode.Apply);

    public Task<StepAssessment> AssessAsync() => Step().AssessAsync(CancellationToken.None);
}
