using Slate.Runbook.Core;
using Slate.Runbook.Ports;
using Slate.Runbook.Sites;
using static Slate.Runbook.Teardown.TeardownAction;

namespace Slate.Runbook.Teardown;

/// <summary>Runbook Step 2's plan: the targets resolved live, the protected machines excluded, and every reason to refuse.</summary>
internal static class TeardownPlanner
{
    public static StepPlan Plan(Site site, TeardownOptions options, TeardownObservation o)
    {
        var findings = new List<Finding>();
        FindProblems(site, options, o, findings);
        var actions = options.Path == TeardownPath.Destroy ? DestroyActions(site, options, o) : ReleaseActions(site, options, o);
        var baseline = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var host in site.Hosts)
        {
            if (o.Machine(host.Name) is { } machine)
                baseline[TeardownBaseline.HostKey(host.Name)] = machine.SystemId;
        }
        foreach (var name in site.Protected)
        {
            if (o.Machine(name) is { } machine)
                baseline[TeardownBaseline.ProtectedKey(name)] = TeardownBaseline.Describe(machine);
        }
        foreach (var device in HostContainers(site, o).Select(c => o.DeviceOf(c.Container)).OfType<MaasDevice>())
            baseline[TeardownBaseline.DeviceKey(device.SystemId)] = device.Hostname;
        // A re-plan after the model went keeps tracking the container devices still in MAAS, so a leftover stays red.
        foreach (var (key, hostname) in o.Baseline.Values.Where(b => b.Key.StartsWith(TeardownBaseline.DevicePrefix, StringComparison.Ordinal)))
        {
            if (o.Devices.Any(d => TeardownBaseline.DeviceKey(d.SystemId) == key))
                baseline[key] = hostname;
        }
        return new StepPlan(Heading(options), [Targets(site, options, o)], findings, actions, Notes(options), baseline);
    }

    private static string Heading(TeardownOptions options) => options switch
    {
        { Path: TeardownPath.Destroy } => "Step 2 — teardown, Path B: destroy (DESTRUCTIVE: model + machines + orphans)",
        { Canary: true } => "Step 2 — teardown, Path A: release, canary (first host only, then stop)",
        _ => "Step 2 — teardown, Path A: release (machine-preserving)",
    };

    private static IReadOnlyList<string> Notes(TeardownOptions options) => options.Path == TeardownPath.Destroy
        ?
        [
            "The model is destroyed with --destroy-storage: its storage (the Ceph OSD volumes) goes with it; the OSD disks are wiped blank in Step 4 anyway.",
            "The hosts decompose out of MAAS; their libvirt domains stay defined, shut off, for re-enrolment (Step 5).",
            "export-bundle and status are captured first as a reference only: they are NOT a restore path.",
        ]
        :
        [
            "Path A proves machine SURVIVAL only, not re-acquisition by a next model: it is NOT a route into phase-01 (use the destroy path).",
        ];

    private static void FindProblems(Site site, TeardownOptions options, TeardownObservation o, List<Finding> findings)
    {
        foreach (var name in site.Hosts.Select(h => h.Name).Concat(site.Orphans).Where(site.IsProtected))
            findings.Add(new Finding(Severity.Fatal, "protected-target", name, "the site lists a protected machine as a teardown target", "never touched", "a target"));
        if (o.JujuError is { } jujuError)
            findings.Add(new Finding(Severity.Fatal, "juju-unreadable", site.Cloud.JujuModel,
                $"the model cannot be read, so the teardown cannot be planned safely: {jujuError}"));
        foreach (var machine in o.Model?.Machines ?? [])
        {
            var maas = o.MachineWithId(machine.InstanceId);
            if (maas is not null && site.IsProtected(maas.Hostname))
                findings.Add(new Finding(Severity.Fatal, "protected-in-model", maas.Hostname,
                    $"protected machine is Juju machine {machine.Id} of {site.Cloud.JujuModel}: destroying the model would release it", "outside the model", $"machine {machine.Id}"));
            else if (maas is null || !site.Hosts.Any(h => h.Name == maas.Hostname))
                findings.Add(new Finding(Severity.Fatal, "model-machine-unknown", $"machine {machine.Id}",
                    $"instance {machine.InstanceId ?? "none"} is not one of the site's hosts: the teardown would release it", "a site host", machine.InstanceId ?? "none"));
        }
        if (o.HypervisorError is { } hypervisorError)
            findings.Add(new Finding(Severity.Fatal, "hypervisor-unreachable", "hypervisor",
                $"the domains cannot be read, so the gate (domains survive, shut off) could not be proven: {hypervisorError}"));
        else
        {
            foreach (var host in site.Hosts.Where(h => o.Domain(h.Name) is null))
                findings.Add(new Finding(Severity.Fatal, "domain-missing", host.Name,
                    "the hypervisor has no domain of this name; re-enrolment (Step 5) needs it", "defined", "absent"));
        }
        if (options.Path == TeardownPath.Destroy && o.JujuError is null)
        {
            foreach (var host in site.Hosts.Select(h => o.Machine(h.Name)).OfType<MaasMachine>()
                         .Where(m => o.ModelMachine(m) is null && o.ReenrolledSince(m.Hostname) is null))
                findings.Add(new Finding(Severity.Fatal, "host-outside-model", host.Hostname,
                    $"{host.Hostname} ({host.SystemId}, {host.StatusName}) is in MAAS but not in the model: destroy-model cannot decompose it, and deleting it would destroy its VM",
                    "in the model or absent", host.StatusName));
        }
        foreach (var orphan in site.Orphans.Select(o.Machine).OfType<MaasMachine>().Where(m => m.PodName is not null))
            findings.Add(new Finding(Severity.Warning, "orphan-pod-vm", orphan.Hostname,
                $"a VM of pod {orphan.PodName}: MAAS destroys the VM and its disks when it deletes the machine"));
        foreach (var name in site.Protected.Where(n => o.Machine(n) is null))
            findings.Add(new Finding(Severity.Warning, "protected-absent", name, "protected machine is not in MAAS; check the site file's protected list"));
    }

    private static List<PlannedAction> DestroyActions(Site site, TeardownOptions options, TeardownObservation o)
    {
        var actions = new List<PlannedAction>();
        if (o.Model is not null)
        {
            var model = site.Cloud.JujuModel;
            actions.Add(new CaptureModel(model).Planned("capture `juju export-bundle` and `juju status --format=json` into the run folder (reference only)"));
            var hosts = site.Hosts.Select(h => o.Machine(h.Name)).OfType<MaasMachine>().Select(m => (m.Hostname, m.SystemId)).ToList();
            actions.Add(new DestroyModel(model, DestroyStorage: true, hosts).Planned(
                $"juju destroy-model --no-prompt --destroy-storage {model}; wait up to {DurationText.Format(options.Wait)} for it and for the hosts to leave MAAS"));
        }
        actions.AddRange(OrphanDeletes(site, o));
        return actions;
    }

    private static List<PlannedAction> ReleaseActions(Site site, TeardownOptions options, TeardownObservation o)
    {
        var model = site.Cloud.JujuModel;
        var hosts = options.Canary ? site.Hosts.Take(1) : site.Hosts;
        var actions = new List<PlannedAction>();
        foreach (var machine in hosts.Select(h => o.Machine(h.Name)).OfType<MaasMachine>())
        {
            if (o.ModelMachine(machine) is not { } jujuMachine)
                continue;
            // juju refuses to remove a machine that hosts units or containers unless forced; forced, it removes them
            // (the containers' units too) without a clean stop.
            var hosted = jujuMachine.Containers.Select(c => c.Id).Prepend(jujuMachine.Id).ToHashSet(StringComparer.Ordinal);
            var units = o.Model!.Applications.SelectMany(a => a.Units).Where(u => u.Machine is { } on && hosted.Contains(on)).Select(u => u.Name).ToList();
            var containers = jujuMachine.Containers.Select(c => c.Id).ToList();
            var forced = units.Count > 0 || containers.Count > 0;
            var reasons = new[] { units.Count > 0 ? string.Join(", ", units) : null, containers.Count > 0 ? $"containers {string.Join(", ", containers)}" : null }.OfType<string>();
            actions.Add(new RemoveMachine(model, jujuMachine.Id, machine.Hostname, machine.SystemId, forced).Planned(
                $"juju remove-machine --keep-instance {(forced ? "--force " : "")}{jujuMachine.Id} ({machine.Hostname}, {machine.SystemId} stays in MAAS, Deployed)" +
                (forced ? $"; --force because it hosts {string.Join(" and ", reasons)}, which go without a clean stop" : "")));
        }
        if (options.Canary)
            return actions;
        if (o.Model is not null)
            actions.Add(new DestroyModel(model, DestroyStorage: false, []).Planned(
                $"juju destroy-model --no-prompt --release-storage {model} (its machines already removed, instances kept)"));
        actions.AddRange(OrphanDeletes(site, o));
        return actions;
    }

    private static IEnumerable<PlannedAction> OrphanDeletes(Site site, TeardownObservation o) =>
        site.Orphans.Where(n => !site.IsProtected(n)).Select(o.Machine).OfType<MaasMachine>().Select(m =>
            new DeleteMachine(m.Hostname, m.SystemId, m.StatusName).Planned($"DELETE machine {m.Hostname} ({m.SystemId}) through the MAAS API; wait until it is gone"));

    private static ReportTable Targets(Site site, TeardownOptions options, TeardownObservation o)
    {
        var rows = new List<IReadOnlyList<string>>();
        var hostPlan = options.Path == TeardownPath.Destroy ? "decompose" : "keep instance";
        foreach (var (name, role) in site.Hosts.Select(h => (h.Name, "host")).Concat(site.Orphans.Select(n => (n, "orphan"))).Concat(site.Protected.Select(n => (n, "protected"))))
        {
            var machine = o.Machine(name);
            var jujuMachine = machine is null ? null : o.ModelMachine(machine);
            var plan = role switch
            {
                _ when site.IsProtected(name) => "EXCLUDED (protected)",
                "orphan" => machine is null ? "gone" : "delete",
                _ when options.Canary && name != site.Hosts[0].Name => "untouched (not the canary)",
                _ when machine is null => "gone",
                _ when o.ReenrolledSince(name) is not null => "re-enrolled since",
                _ => hostPlan,
            };
            rows.Add(ReportTable.Row(name, role, machine?.SystemId ?? "-", machine?.StatusName ?? "absent", jujuMachine?.Id ?? "-",
                o.Domain(name) is { } d ? DomainStates.Describe(d.State) : "-", plan));
            foreach (var container in jujuMachine?.Containers ?? [])
            {
                var device = o.DeviceOf(container);
                rows.Add(ReportTable.Row($"  {container.Hostname ?? container.InstanceId ?? container.Id}", "container", device?.SystemId ?? "-",
                    device is null ? "no device" : "device", container.Id, "-", ContainerPlan(plan, jujuMachine!)));
            }
        }
        return new ReportTable($"targets (resolved live; model {site.Cloud.JujuModel}: {(o.Model is null ? (o.JujuError is null ? "absent" : "UNREADABLE") : "present")})",
            ["hostname", "role", "system_id", "MAAS status", "juju machine", "domain", "plan"], rows);
    }

    /// <summary>Each site host's model machine's containers.</summary>
    private static IEnumerable<(MaasMachine Host, JujuMachine Container)> HostContainers(Site site, TeardownObservation o) =>
        site.Hosts.Select(h => o.Machine(h.Name)).OfType<MaasMachine>()
            .SelectMany(m => (o.ModelMachine(m)?.Containers ?? []).Select(c => (m, c)));

    /// <summary>A container goes with its host: with the model on the destroy path, with `remove-machine --force` on the release path.</summary>
    private static string ContainerPlan(string hostPlan, JujuMachine host) => hostPlan switch
    {
        "decompose" => "goes with the model (MAAS deletes its device)",
        "keep instance" => $"removed with machine {host.Id} (its device deleted)",
        _ => hostPlan,
    };
}
