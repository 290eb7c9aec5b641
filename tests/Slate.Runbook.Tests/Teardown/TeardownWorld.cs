using Slate.Lab.Hypervisor;
using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using Slate.Runbook.Teardown;
using Slate.Runbook.Tests.Preflight;
using Slate.Runbook.Tests.Sites;
using Slate.Runbook.Tests.Support;

namespace Slate.Runbook.Tests.Teardown;

/// <summary>
/// The runbook's cloud before the teardown, as plain answers a test can bend: the four hosts, capi-mgmt and the
/// three protected machines Deployed, the model holding the hosts (each with a unit), the domains running.
/// </summary>
internal sealed class TeardownWorld
{
    public static readonly Site Site = SiteLoader.Load(SiteFiles.CaracalPath);

    public List<MaasMachine> Machines { get; } =
    [
        Deployed("openstack0", "host00"), Deployed("openstack1", "host01"), Deployed("openstack2", "host02"), Deployed("openstack3", "host03"),
        Deployed("capi-mgmt", "capi00", pod: null), Deployed("juju", "juju00", pod: null), Deployed("lxd", "lxd000", pod: null), Deployed("tailscale", "tails0", pod: null),
    ];

    public List<JujuMachine> ModelMachines { get; } = new[] { "host00", "host01", "host02", "host03" }.Select((id, i) => ModelMachine($"{i}", id)).ToList();

    public List<JujuUnit> Units { get; } = new[] { "0", "1", "2", "3" }.Select(m => new JujuUnit($"ceph-osd/{m}", m, null, false, null, null, [])).ToList();

    public bool ModelExists { get; set; } = true;

    public JujuException? JujuError { get; set; }

    public LabHypervisor Hypervisor { get; } = LabHypervisor.FromSite(Site);

    /// <summary>MAAS's devices (Juju's container devices).</summary>
    public List<MaasDevice> Devices { get; } = [];

    public TestServices Services
    {
        get
        {
            var maas = new RecordedMaas("caracal-testcloud", [], Machines);
            maas.Devices.AddRange(Devices);
            return new TestServices(Site, maas, Juju(), Hypervisor, TimeProvider.System);
        }
    }

    public static MaasMachine Deployed(string host, string id, string? pod = "pod-1") => new(id, host, 6, "Deployed", "on", pod, [], "admin");

    public static JujuMachine ModelMachine(string id, string instance) => new(id, instance, null, null, null, new JujuStatusValue("started", null), null, []);

    public void TornDownByDestroy()
    {
        ModelExists = false;
        Machines.RemoveAll(m => m.Hostname.StartsWith("openstack", StringComparison.Ordinal) || m.Hostname == "capi-mgmt");
        foreach (var host in Site.Hosts)
            Hypervisor.SetState(host.Name, DomainState.ShutOff);
    }

    public async Task<StepAssessment> AssessAsync(TeardownOptions options, TestServices? services = null) =>
        await new TeardownStep(services ?? Services, options).AssessAsync(CancellationToken.None);

    /// <summary>Applies the teardown on <paramref name="services"/>, typing the model name unless other answers are given.</summary>
    public static Task<StepRun> ApplyAsync(TestServices services, TeardownOptions options, IRunObserver observer, Interruption? interruption = null, params string[] answers) =>
        new StepRunner(services, observer, interruption ?? new Interruption(), answers.Length == 0 ? ["openstack"] : answers)
            .RunAsync(new TeardownStep(services, options), RunMode.Apply);

    public static TeardownOptions Destroy => new(TeardownPath.Destroy, false, TimeSpan.FromMinutes(10));

    public static TeardownOptions Release(bool canary = false) => new(TeardownPath.Release, canary, TimeSpan.FromMinutes(10));

    private RecordedJuju Juju() => new(model =>
    {
        if (JujuError is { } failure)
            throw failure;
        if (!ModelExists)
            throw new JujuException(JujuFailure.ModelNotFound, $"model {model} not found") { Model = model, Argv = ["juju"], ExitCode = 1, StderrTail = "ERROR model not found" };
        return new JujuModelStatus(model, ModelMachines, [new JujuApplication("ceph-osd", "ceph-osd", null, Units, [], [])], []);
    });
}
