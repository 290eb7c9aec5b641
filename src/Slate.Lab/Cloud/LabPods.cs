using Slate.Lab.Hypervisor;
using Slate.Runbook.Ports;

namespace Slate.Lab.Cloud;

/// <summary>
/// The virsh VM host and what MAAS does through it: power, what commissioning observes of a domain, enlisting
/// domains (add_chassis, pod refresh) and decomposing pod VMs (models/bmc.py, provisioningserver virsh driver).
/// </summary>
public sealed class LabPods
{
    private const string VirtualTag = "virtual";
    private readonly LabCloud _cloud;
    private int _nextVirtualMachineId = 1;
    private int _nextBlockDeviceId = 1;
    private readonly List<ChassisProbe> _probes = [];

    internal LabPods(LabCloud cloud, LabPod pod)
    {
        _cloud = cloud;
        Pod = pod;
    }

    /// <summary>The virsh VM host at the lab hypervisor's address; MAAS knows it while <see cref="IsRegistered"/>.</summary>
    public LabPod Pod { get; }

    /// <summary>Whether the pod is in MAAS (pods/ lists it); false once deleted, while its hypervisor still answers chassis probes.</summary>
    public bool IsRegistered { get; private set; } = true;

    /// <summary>The rack controller MAAS asks to probe a chassis (region and rack on the MAAS host).</summary>
    public string RackHostname => _cloud.MaasName;

    private LabHypervisor Hypervisor => _cloud.Hypervisor;

    /// <summary>A virsh machine whose power address is the pod's shares its BMC and is one of its VMs (reference §10.8).</summary>
    internal void Adopt(LabMachine machine)
    {
        if (!IsRegistered || machine.PowerType != "virsh" || machine.PowerParameters.GetValueOrDefault("power_address") != Pod.PowerAddress) return;
        machine.Pod = Pod;
        machine.VirtualMachineId = _nextVirtualMachineId++;
    }

    public static string DomainOf(LabMachine machine) => machine.PowerParameters.GetValueOrDefault("power_id") ?? machine.Hostname;

    /// <summary>
    /// MAAS's power state and the pod VM's domain state move together, as the virsh power driver makes them. A manual
    /// BMC cannot be driven or queried, so its state stays "unknown"; a domain the rack cannot reach (the
    /// decompose-fails fault) stays as it is.
    /// </summary>
    internal void SetPower(LabMachine machine, string state)
    {
        if (machine.PowerType == "manual") return;
        machine.PowerState = state;
        var domain = DomainOf(machine);
        if (machine.Pod is not null && Hypervisor.HasDomain(domain) && !_cloud.Faults.DecomposeFails.Contains(machine.Hostname))
            Hypervisor.SetState(domain, state == "on" ? DomainState.Running : DomainState.ShutOff);
    }

    /// <summary>
    /// Why MAAS cannot drive this machine's BMC, or null. The virsh power driver logs in to the power address with the
    /// power password and finds the domain by power_id (provisioningserver/drivers/power/virsh.py: "Failed to login to
    /// virsh console.", "Failed to get domain: ID"); only the hypervisor twin's address and password open it.
    /// </summary>
    internal string? PowerFault(LabMachine machine)
    {
        if (machine.PowerType != "virsh") return null;
        var parameters = machine.PowerParameters;
        if (parameters.GetValueOrDefault("power_address") != Pod.PowerAddress || parameters.GetValueOrDefault("power_pass") != Pod.PowerPassword)
            return "Failed to login to virsh console.";
        return Hypervisor.HasDomain(DomainOf(machine)) ? null : $"Failed to get domain: {DomainOf(machine)}";
    }

    /// <summary>
    /// What commissioning learns from the domain the machine runs as (its power_id, else the one holding one of its
    /// MACs): each NIC gets the kernel's name (enp&lt;bus&gt;s&lt;slot&gt;); the boot disk is vda; and a VM is tagged
    /// "virtual" (metadataserver/builtin_scripts/hooks.py). The NICs' networks are <see cref="LabCommissioning"/>'s.
    /// </summary>
    internal void ObserveHardware(LabMachine machine)
    {
        if (ObservedDomain(machine) is not { } domain) return;
        foreach (var observed in Hypervisor.NicsOf(domain))
        {
            if (machine.PhysicalWithMac(observed.Mac) is { } nic) nic.Name = observed.KernelName;
        }
        var bootVlan = _cloud.Networks.BootSubnet()?.Vlan;
        machine.BootInterfaceId ??= machine.Interfaces.Find(i => i.Type == InterfaceType.Physical && i.Vlan is not null && i.Vlan == bootVlan)?.Id;
        machine.BootDisk ??= new LabBlockDevice(_nextBlockDeviceId++, "vda", Hypervisor.BootDiskBytes(domain));
        if (!machine.Tags.Contains(VirtualTag)) machine.Tags.Add(VirtualTag);
    }

    /// <summary>The NICs of the domain the machine runs as, in bus order; none without a domain.</summary>
    internal IReadOnlyList<LabNic> ObservedNics(LabMachine machine) => ObservedDomain(machine) is { } domain ? Hypervisor.NicsOf(domain) : [];

    /// <summary>
    /// Commissioning reports every NIC of the machine, and MAAS creates an interface for each one it was not told of at
    /// enlistment (metadataserver/builtin_scripts/network.py update_physical_interface get_or_creates by MAC).
    /// </summary>
    internal void AddReportedNics(LabMachine machine)
    {
        if (ObservedDomain(machine) is not { } domain) return;
        foreach (var nic in Hypervisor.NicsOf(domain).Where(n => _cloud.Machines.OwnerOfMac(n.Mac) is null))
            machine.Interfaces.Add(_cloud.Interfaces.New(nic.KernelName, InterfaceType.Physical, nic.Mac.ToLowerInvariant()));
    }

    /// <summary>The domain the machine runs as: its power_id, else the one holding one of its MACs.</summary>
    private string? ObservedDomain(LabMachine machine) => Hypervisor.HasDomain(DomainOf(machine)) ? DomainOf(machine)
        : Hypervisor.DomainNames.FirstOrDefault(d => Hypervisor.NicsOf(d).Any(n => machine.Interfaces.Exists(i => SameMac(i.MacAddress, n.Mac))));

    /// <summary>The VM of a deleted pod machine is decomposed: `virsh destroy` and `undefine --remove-all-storage`.</summary>
    internal void Decompose(LabMachine machine)
    {
        var domain = DomainOf(machine);
        if (DecomposeFailed(machine, domain)) return;
        var modelled = Hypervisor.HasDomain(domain);
        if (modelled) Hypervisor.UndefineWithStorage(domain);
        _cloud.Record("maas", $"deleted {machine.Hostname} ({machine.SystemId}); decomposed VM {domain} in pod {Pod.Name}" +
            (modelled ? ": domain and its disks destroyed" : " (a VM the lab hypervisor does not model)"));
    }

    /// <summary>
    /// A released dynamic machine has left MAAS. On the runbook's virsh pod its domain was observed to survive, shut
    /// off (runbook Step 2, "observed 3x"), and the lab follows the observation unless the decompose-deletes-domain
    /// fault names the host: then the domain goes with its storage, as MAAS's virsh driver code would do it.
    /// </summary>
    internal void ReleasedDynamic(LabMachine machine)
    {
        var domain = DomainOf(machine);
        if (DecomposeFailed(machine, domain)) return;
        if (_cloud.Faults.DecomposeDeletesDomain.Contains(machine.Hostname) && Hypervisor.HasDomain(domain))
        {
            Hypervisor.UndefineWithStorage(domain);
            _cloud.Record(Faults.LabFaults.EventSource, $"released {machine.Hostname} ({machine.SystemId}): decompose undefined domain {domain} with its storage");
            return;
        }
        _cloud.Record("maas", $"released {machine.Hostname} ({machine.SystemId}): a dynamic pod machine, gone from MAAS; domain {domain} kept, shut off");
    }

    /// <summary>The machine row is gone; under the decompose-fails fault its domain and disks stay as they were.</summary>
    private bool DecomposeFailed(LabMachine machine, string domain)
    {
        if (!_cloud.Faults.DecomposeFails.Contains(machine.Hostname)) return false;
        _cloud.Record(Faults.LabFaults.EventSource, $"deleted {machine.Hostname} ({machine.SystemId}); the decompose of VM {domain} failed " +
            $"(the rack cannot reach the hypervisor): the domain stays {(Hypervisor.HasDomain(domain) ? DomainStates.Describe(Hypervisor.StateOf(domain)) : "absent")}, with its disks");
        return true;
    }

    /// <summary>
    /// `machines op=add_chassis chassis_type=virsh` answers at once (api/machines.py): the rack probes the chassis later,
    /// on the lab clock (<see cref="RunDueProbes"/>).
    /// </summary>
    public string AddChassis(string address, string? password, string? prefixFilter, bool acceptAll)
    {
        lock (_cloud.SyncRoot)
        {
            _probes.Add(new ChassisProbe(address, password, prefixFilter, acceptAll, _cloud.Time.GetUtcNow() + _cloud.Timings.ChassisProbe));
            _cloud.Record("maas", $"add_chassis {address}: asked {RackHostname} to probe it");
            return $"Asking {RackHostname} to add machines from chassis {address}";
        }
    }

    /// <summary>
    /// The rack's probes that are due (provisioningserver/drivers/hardware/virsh.py probe_virsh_and_enlist): every domain
    /// at the lab hypervisor's address whose name has the prefix is created New with virsh power (a create MAAS refuses,
    /// e.g. a known MAC, is skipped), forced off, and with accept_all commissioned a probe interval later.
    /// </summary>
    internal bool RunDueProbes(DateTimeOffset now)
    {
        var due = _probes.Where(p => p.Due <= now).ToList();
        foreach (var probe in due)
        {
            _probes.Remove(probe);
            if (probe.Address != Pod.PowerAddress)
            {
                _cloud.Record("maas", $"probe of chassis {probe.Address} failed: no virsh host answers there");
                continue;
            }
            foreach (var domain in UnknownDomains().Where(d => probe.PrefixFilter is null || d.StartsWith(probe.PrefixFilter, StringComparison.Ordinal)))
            {
                try
                {
                    var machine = Enlist(domain, probe.Address, probe.Password ?? "", commission: false);
                    Hypervisor.SetState(domain, DomainState.ShutOff);
                    if (probe.AcceptAll) machine.Pending = new PendingTransition(TransitionKind.StartCommissioning, probe.Due + _cloud.Timings.ChassisProbe);
                }
                catch (LabApiException refused)
                {
                    _cloud.Record("maas", $"probe of chassis {probe.Address}: domain {domain} not enlisted: {refused.Message}");
                }
            }
        }
        return due.Count > 0;
    }

    /// <summary>
    /// `pods/{id}/ op=refresh` (models/bmc.py sync_machines): a domain MAAS does not know becomes a machine that
    /// commissions; a pod machine whose domain is gone is deleted.
    /// </summary>
    public void Refresh()
    {
        lock (_cloud.SyncRoot)
        {
            foreach (var domain in UnknownDomains()) Enlist(domain, Pod.PowerAddress, Pod.PowerPassword, commission: true);
            foreach (var machine in _cloud.Machines.Unsettled.Where(m => m.Pod == Pod && !Hypervisor.HasDomain(DomainOf(m))).ToList())
            {
                _cloud.Devices.DeleteChildrenOf(machine);
                _cloud.Machines.Unsettled.Remove(machine);
                _cloud.Record("maas", $"refresh of {Pod.Name}: domain {DomainOf(machine)} is gone, deleted {machine.Hostname} ({machine.SystemId})");
            }
        }
    }

    /// <summary>
    /// `pods/{id}/ op=compose` (api/pods.py, 3.7): MAAS defines a VM with one NIC on the rack's network and an OS disk,
    /// and the machine it makes is dynamic (it leaves MAAS when released) and commissions.
    /// </summary>
    public LabMachine Compose(string? hostname)
    {
        lock (_cloud.SyncRoot)
        {
            var name = string.IsNullOrEmpty(hostname) ? "composed-" + _cloud.Ids.Token(6) : hostname;
            if (_cloud.Machines.FindByHostname(name) is not null || Hypervisor.HasDomain(name))
                throw LabApiException.Invalid("hostname", "Node with this Hostname already exists.");
            var network = _cloud.Networks.BootSubnet()?.Space?.Name ?? "default";
            Hypervisor.Define(name, [new LabNic(LabMacs.For(1000 + _nextVirtualMachineId, 0), network, 1)]);
            var machine = Enlist(name, Pod.PowerAddress, Pod.PowerPassword, commission: true);
            machine.Dynamic = true;
            _cloud.Record("maas", $"composed {name} ({machine.SystemId}) in pod {Pod.Name}");
            return machine;
        }
    }

    /// <summary>
    /// `DELETE pods/{id}/` (api/pods.py delete, models/bmc.py async_delete, 3.7): every machine of the pod leaves MAAS,
    /// whatever its status; with decompose each one's VM is decomposed first (its domain destroyed and undefined with
    /// its storage), without it the domains stay as they are. MAAS waits for all of it before answering 204.
    /// </summary>
    public void Delete(bool decompose)
    {
        lock (_cloud.SyncRoot)
        {
            if (!IsRegistered) throw LabApiException.NotFound("Pod");
            foreach (var machine in _cloud.Machines.Unsettled.Where(m => m.Pod == Pod).ToList())
            {
                _cloud.Devices.DeleteChildrenOf(machine);
                _cloud.Machines.Unsettled.Remove(machine);
                machine.Pending = null;
                if (decompose) Decompose(machine);
                else _cloud.Record("maas", $"deleted {machine.Hostname} ({machine.SystemId}) with pod {Pod.Name}; domain {DomainOf(machine)} kept");
            }
            IsRegistered = false;
            _cloud.Record("maas", $"deleted pod {Pod.Name}" + (decompose ? ", its machines decomposed" : ""));
        }
    }

    private IEnumerable<string> UnknownDomains() =>
        Hypervisor.DomainNames.Where(d => Hypervisor.NicsOf(d).All(n => _cloud.Machines.OwnerOfMac(n.Mac) is null)).ToList();

    private LabMachine Enlist(string domain, string address, string password, bool commission)
    {
        var power = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["power_address"] = address, ["power_id"] = domain, ["power_pass"] = password,
        };
        var macs = Hypervisor.NicsOf(domain).Select(n => n.Mac).ToList();
        return _cloud.Machines.Enlist(new MachineSpec(domain, "amd64/generic", macs, "virsh", power, commission));
    }

    private sealed record ChassisProbe(string Address, string? Password, string? PrefixFilter, bool AcceptAll, DateTimeOffset Due);

    private static bool SameMac(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
