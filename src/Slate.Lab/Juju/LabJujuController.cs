using System.Security.Cryptography;
using System.Text;
using Slate.Lab.Cloud;
using Slate.Lab.Faults;
using Slate.Runbook.Ports;

namespace Slate.Lab.Juju;

/// <summary>
/// The lab's juju controller: its models and what destroy-model and remove-machine do to them and to the lab MAAS.
/// Like <see cref="LabCloud"/>, every member takes the cloud's lock and first applies what is due on the cloud's
/// clock, so a destruction advances (and asks MAAS to release machines) whenever anyone looks at the controller.
/// </summary>
public sealed class LabJujuController
{
    private readonly List<LabJujuModel> _models = [];

    public LabJujuController(LabCloud cloud, LabJujuTimings? timings = null)
    {
        Cloud = cloud;
        Name = cloud.Site.Cloud.JujuController;
        Timings = timings ?? LabJujuTimings.Default;
        Uuid = UuidOf(Name, "controller");
        var now = cloud.Time.GetUtcNow();
        lock (cloud.SyncRoot)
        {
            _models.Add(LabJujuSeeder.Controller(cloud, Uuid, now));
            _models.Add(LabJujuSeeder.OpenStack(cloud, UuidOf(Name, cloud.Site.Cloud.JujuModel), now));
        }
        cloud.Record("juju", $"controller {Name}: models {string.Join(", ", _models.Select(m => m.Name))}");
    }

    public LabCloud Cloud { get; }
    public string Name { get; }
    public LabJujuTimings Timings { get; }

    /// <summary>The controller's UUID, which is also its controller model's UUID (as in juju).</summary>
    public string Uuid { get; }

    /// <summary>The models still listed (a dying model is listed until its removal).</summary>
    public IReadOnlyList<LabJujuModel> Models
    {
        get { lock (Cloud.SyncRoot) { Settle(); return [.. _models]; } }
    }

    /// <summary>The model addressed as <c>name</c> or <c>owner/name</c> on this controller (null = current).</summary>
    /// <exception cref="LabJujuException">No such controller or model.</exception>
    public LabJujuModel Get(string? controller, string model)
    {
        lock (Cloud.SyncRoot)
        {
            RequireController(controller);
            Settle();
            var slash = model.IndexOf('/');
            var (owner, name) = slash < 0 ? ("admin", model) : (model[..slash], model[(slash + 1)..]);
            return _models.Find(m => m.Name == name && m.Owner == owner)
                ?? throw LabJujuException.ModelNotFound(Name, $"{owner}/{name}");
        }
    }

    /// <exception cref="LabJujuException">Another controller was named.</exception>
    public void RequireController(string? controller)
    {
        if (controller is not null && controller != Name) throw LabJujuException.ControllerNotFound(controller);
    }

    /// <summary>
    /// Starts destroying the model: it turns dying, then (<see cref="Timings"/>) its units go, then its machines, each
    /// released in MAAS as it goes, then the model. A model with persistent storage is refused unless the options
    /// destroy or release it. <c>--force --timeout</c> drops the model once the timeout has passed, whatever is left.
    /// Calling it again on a dying model only brings that forced removal closer.
    /// </summary>
    /// <exception cref="LabJujuException">No such model, the controller model, or storage without a choice.</exception>
    public LabJujuModel DestroyModel(string? controller, string model, DestroyOptions options)
    {
        lock (Cloud.SyncRoot)
        {
            Cloud.Record("juju", $"destroy-model {model}{Describe(options)}");
            var target = Get(controller, model);
            if (target.IsController)
                throw LabJujuException.Refused($"\"{target.Name}\" is a controller; use 'juju destroy-controller' to destroy it");
            var now = Cloud.Time.GetUtcNow();
            if (target.Destruction is null)
            {
                if (!options.DestroyStorage && !options.ReleaseStorage && target.Storage.Count(s => s.Persistent) is var persistent and > 0)
                    throw LabJujuException.PersistentStorage(target.Name, persistent);
                target.Life = "dying";
                target.Since = now;
                target.Destruction = new LabJujuDestruction(now, options);
            }
            if (options is { Force: true, Timeout: { } timeout } && !(target.Destruction.ForcedRemoval <= now + timeout))
                target.Destruction.ForcedRemoval = now + timeout;
            Settle();
            return target;
        }
    }

    /// <summary>
    /// Removes a machine from the model with its units and containers (which needs force; state/machine.go
    /// HasAssignedUnitsError, HasContainersError) and detaches their storage; its MAAS machine is released unless the
    /// instance is kept. A lingering machine only goes with force.
    /// </summary>
    /// <exception cref="LabJujuException">No such model or machine, a controller machine, or units or containers without force.</exception>
    public LabJujuMachineRemoval RemoveMachine(string? controller, string model, string machineId, RemoveOptions options)
    {
        lock (Cloud.SyncRoot)
        {
            Cloud.Record("juju", $"remove-machine -m {model} {machineId}{(options.KeepInstance ? " --keep-instance" : "")}{(options.Force ? " --force" : "")}");
            var target = Get(controller, model);
            var machine = target.Machines.Find(m => m.Id == machineId)
                ?? throw LabJujuException.Refused($"removing machine {machineId} failed: machine {machineId} not found");
            if (target.IsController)
                throw LabJujuException.Refused($"removing machine {machineId} failed: machine {machineId} is required by the model");
            var principals = target.Applications.SelectMany(a => a.Units).Where(u => u.Machine == machineId).ToList();
            if (principals.Count > 0 && !options.Force)
                throw LabJujuException.Refused($"removing machine {machineId} failed: machine {machineId} has unit \"{principals[0].Name}\" assigned");
            if (machine.Containers.Count > 0 && !options.Force)
                throw LabJujuException.Refused($"removing machine {machineId} failed: machine {machineId} is hosting containers \"{string.Join(",", machine.Containers.Select(c => c.Id))}\"");
            principals.AddRange(target.Applications.SelectMany(a => a.Units).Where(u => u.Machine is { } on && on != machineId && LabJujuContainer.HostOf(on) == machineId));
            var units = principals.SelectMany(p => target.Applications.SelectMany(a => a.Units).Where(u => u.Principal == p.Name).Prepend(p))
                .Select(u => u.Name).ToList();
            var storage = target.Storage.Where(s => s.Unit is { } unit && units.Contains(unit)).ToList();
            var removal = new LabJujuMachineRemoval(machineId, options.KeepInstance, units, [.. storage.Select(s => s.Id)]);
            // A machine already dying goes only when its removal completes; force cuts that short.
            if (machine.Life != "alive" && !options.Force) return removal;

            var gone = units.ToHashSet(StringComparer.Ordinal);
            foreach (var application in target.Applications) application.Units.RemoveAll(u => gone.Contains(u.Name));
            foreach (var detached in storage)
            {
                detached.Unit = null;
                detached.Machine = null;
            }
            RemoveContainers(machine);
            target.Machines.Remove(machine);
            if (!options.KeepInstance) Release(machine);
            var now = Cloud.Time.GetUtcNow();
            if (target.Destruction is { } destruction && target.Machines.Count == 0) destruction.MachinesRemoved ??= now;
            Settle();
            return removal;
        }
    }

    /// <summary>Applies every destruction stage that is due on the cloud's clock.</summary>
    public void Settle()
    {
        lock (Cloud.SyncRoot)
        {
            var now = Cloud.Time.GetUtcNow();
            foreach (var model in _models.Where(m => m.Destruction is not null).ToList())
                Advance(model, model.Destruction!, now);
        }
    }

    private void Advance(LabJujuModel model, LabJujuDestruction destruction, DateTimeOffset now)
    {
        var unitsDue = destruction.Started + (destruction.Options is { Force: true, NoWait: true } ? TimeSpan.Zero : Timings.UnitRemoval);
        if (destruction.UnitsRemoved is null && unitsDue <= now) RemoveUnits(model, destruction, unitsDue);
        if (destruction.ForcedRemoval <= now)
        {
            Remove(model, "removed (--force --timeout)");
            return;
        }
        foreach (var machine in model.Machines.Where(m => m.RemovalDue <= now).ToList())
        {
            model.Machines.Remove(machine);
            Cloud.Record("juju", $"machine {machine.Id} ({machine.Hostname}) of model {model.Name} removed");
            if (model.Machines.Count == 0) destruction.MachinesRemoved = machine.RemovalDue;
        }
        if (destruction.UnitsRemoved is not null && destruction.MachinesRemoved is { } empty && empty + Timings.ModelRemoval <= now)
            Remove(model, "removed");
    }

    // Units first: the applications and relations go, and the storage is destroyed or released with them; then the
    // machines turn dying, their containers go and their instances are released, except a lingering one, which never
    // finishes dying.
    private void RemoveUnits(LabJujuModel model, LabJujuDestruction destruction, DateTimeOffset at)
    {
        destruction.UnitsRemoved = at;
        var units = model.Applications.Sum(a => a.Units.Count);
        model.Applications.Clear();
        model.Relations.Clear();
        var storage = model.Storage.Count;
        model.Storage.Clear();
        Cloud.Record("juju", $"model {model.Name}: {units} units removed, {storage} storage instances " +
                             $"{(destruction.Options.ReleaseStorage ? "released" : "destroyed")}");
        foreach (var machine in model.Machines)
        {
            machine.Life = "dying";
            machine.Since = at;
            RemoveContainers(machine);
            if (Cloud.Faults.Lingering.Contains(machine.Hostname))
            {
                Cloud.Record("juju", $"machine {machine.Id} ({machine.Hostname}) lingers: it never finishes dying (lab fault)");
                continue;
            }
            Release(machine);
            machine.RemovalDue = at + Timings.MachineRemoval;
        }
        if (model.Machines.Count == 0) destruction.MachinesRemoved = at;
    }

    private void Remove(LabJujuModel model, string how)
    {
        _models.Remove(model);
        Cloud.Record("juju", $"model {model.Name} {how}");
    }

    // The containers go with their machine, and juju's MAAS provider deletes the device of each
    // (provider/maas/environ.go ReleaseContainerAddresses); under the leftover-devices fault that release fails.
    private void RemoveContainers(LabJujuMachine machine)
    {
        foreach (var container in machine.Containers)
        {
            if (Cloud.Faults.LeftoverDevices.Contains(machine.Hostname))
                Cloud.Record(LabFaults.EventSource, $"container {container.Id} removed; the release of its addresses failed: device {container.Hostname} ({container.DeviceId}) stays in MAAS");
            else if (Cloud.Devices.Find(container.DeviceId) is not null)
                Cloud.Devices.Delete(container.DeviceId);
        }
        machine.Containers.Clear();
    }

    // Juju's MAAS provider treats 409 (already releasing) as done; a machine MAAS no longer has is nothing to release.
    private void Release(LabJujuMachine machine)
    {
        try
        {
            Cloud.Machines.Release(machine.InstanceId);
        }
        catch (LabApiException e)
        {
            Cloud.Record("juju", $"release of {machine.Hostname} ({machine.InstanceId}) answered {e.StatusCode}: {e.Message}");
        }
    }

    private static string Describe(DestroyOptions options) =>
        (options.DestroyStorage ? " --destroy-storage" : "") + (options.ReleaseStorage ? " --release-storage" : "")
        + (options.Force ? " --force" : "") + (options.NoWait ? " --no-wait" : "")
        + (options.Timeout is { } t ? $" --timeout {t.TotalSeconds}s" : "");

    // Stable per controller and model, so a lab restarted from the same site reports the same UUIDs.
    private static string UuidOf(string controller, string model)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{controller}/{model}"))[..16];
        bytes[6] = (byte)(bytes[6] & 0x0f | 0x40);
        bytes[8] = (byte)(bytes[8] & 0x3f | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
