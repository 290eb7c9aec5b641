using Slate.Lab.Faults;
using Slate.Lab.Hypervisor;
using Slate.Runbook.Sites;

namespace Slate.Lab.Cloud;

/// <summary>
/// The simulated cloud's MAAS: three aggregates — <see cref="Machines"/> (and their lifecycle), <see cref="Networks"/>
/// with <see cref="Interfaces"/>, and <see cref="Pods"/> (the VM host over the lab hypervisor) — sharing one lock and
/// the injected clock. Reading machines settles the transitions due on the clock, so a FakeTimeProvider drives the lab.
/// </summary>
public sealed class LabCloud
{
    public const string DefaultZone = "default";
    public const string DefaultPool = "default";
    private readonly List<LabEvent> _events = [];

    public LabCloud(Site site, TimeProvider time, LabTimings? timings = null, Random? random = null)
    {
        Site = site;
        Time = time;
        Timings = timings ?? LabTimings.Default;
        Ids = new LabIds(random ?? new Random());
        Hypervisor = LabHypervisor.FromSite(site);
        Networks = new LabNetworks(this);
        Interfaces = new LabInterfaces(this);
        Machines = new LabMachines(this);
        Devices = new LabDevices(this);
        Pods = new LabPods(this, new LabPod(1, site.Cloud.Name + "-kvm", site.Libvirt.PowerAddress, LabIds.Secret(20)));
        LabCloudSeeder.Seed(this);
    }

    /// <summary>The lab with these faults; their seed, when given, draws every system id and every fault decision.</summary>
    public static LabCloud With(Site site, TimeProvider time, LabFaults faults) =>
        new(site, time, random: faults.Seed is { } seed ? new Random(seed) : null) { Faults = faults };

    public Site Site { get; }

    /// <summary>The pod's hypervisor: the site hosts' domains, whose NICs the MAAS machines show and whose state MAAS power drives.</summary>
    public LabHypervisor Hypervisor { get; }
    public TimeProvider Time { get; }
    public LabTimings Timings { get; }
    public LabIds Ids { get; }

    public LabMachines Machines { get; }
    public LabNetworks Networks { get; }
    public LabInterfaces Interfaces { get; }
    public LabPods Pods { get; }

    /// <summary>MAAS's devices: Juju registers one per LXD container of the model.</summary>
    public LabDevices Devices { get; }

    /// <summary>The injected faults: the MAAS server applies the request faults, the aggregates the machine faults.</summary>
    public LabFaults Faults
    {
        get => _faults;
        init
        {
            _faults = value;
            var drop = new FaultDraw(this, value.HypervisorDrop, value.Seed, salt: 11);
            Hypervisor.DropsWrite = write => drop.Hits($"hypervisor {write}: the connection dropped, not carried out");
        }
    }

    private readonly LabFaults _faults = LabFaults.None;

    public string MaasName => Site.Cloud.MaasName;
    public string AdminUser => "admin";

    /// <summary>The lock every lab part takes before touching the state (re-entrant).</summary>
    public object SyncRoot { get; } = new();

    public IReadOnlyList<LabEvent> Events { get { lock (SyncRoot) return [.. _events]; } }

    public void Record(string source, string message)
    {
        lock (SyncRoot) _events.Add(new LabEvent(Time.GetUtcNow(), source, message));
    }

    public bool IsProtected(LabMachine machine) => Site.IsProtected(machine.Hostname);
}
