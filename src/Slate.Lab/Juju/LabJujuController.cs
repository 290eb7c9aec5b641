using Slate.Lab.Cloud;
using Slate.Runbook.Ports;

namespace Slate.Lab.Juju;

/// <summary>
/// The lab's juju controller: its models and what destroy-model and remove-machine do to them and to the lab MAAS.
/// Like <see cref="LabCloud"/>, every member takes the cloud's lock and first applies what is due on the cloud's clock.
/// </summary>
public sealed class LabJujuController
{
    private readonly List<LabJujuModel> _models = [];

    /// <param name="modelRemoval">How long a dying model stays listed; default: the lab's release time plus 3 s.</param>
    public LabJujuController(LabCloud cloud, TimeSpan? modelRemoval = null)
    {
        Cloud = cloud;
        Name = cloud.Site.Cloud.JujuController;
        ModelRemoval = modelRemoval ?? cloud.Timings.Releasing + TimeSpan.FromSeconds(3);
        var now = cloud.Time.GetUtcNow();
        lock (cloud.SyncRoot)
        {
            _models.Add(LabJujuSeeder.Controller(cloud, Name, now));
            _models.Add(LabJujuSeeder.OpenStack(cloud, Name, now));
        }
        cloud.Record("juju", $"controller {Name}: models {string.Join(", ", _models.Select(m => m.Name))}");
    }

    public LabCloud Cloud { get; }
    public string Name { get; }
    public TimeSpan ModelRemoval { get; }

    /// <summary>The models still listed (a dying model is listed until its removal is due).</summary>
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
    /// Starts destroying the model: it turns dying, every machine is released in MAAS at once (dynamic pod hosts then
    /// vanish from MAAS after the lab's release time), and the model disappears after <see cref="ModelRemoval"/>,
    /// or sooner when <c>--force --timeout</c> says so. Calling it again on a dying model only shortens the wait.
    /// </summary>
    public LabJujuModel DestroyModel(string? controller, string model, DestroyOptions options)
    {
        lock (Cloud.SyncRoot)
        {
            Cloud.Record("juju", $"destroy-model {model}{Describe(options)}");
            var target = Get(controller, model);
            if (target.IsController)
                throw LabJujuException.Refused($"\"{target.Name}\" is a controller; use 'juju destroy-controller' to destroy it");
            var now = Cloud.Time.GetUtcNow();
            var due = now + (options is { Force: true, Timeout: { } timeout } && timeout < ModelRemoval ? timeout : ModelRemoval);
            if (target.Life == "alive")
            {
                target.Life = "dying";
                target.Since = now;
                foreach (var machine in target.Machines)
                {
                    machine.Life = "dying";
                    Release(machine);
                }
            }
            target.RemovalDue = target.RemovalDue is { } earlier && earlier < due ? earlier : due;
            return target;
        }
    }

    /// <summary>Removes a machine from the model; its MAAS machine is released unless the instance is kept.</summary>
    public void RemoveMachine(string? controller, string model, string machineId, RemoveOptions options)
    {
        lock (Cloud.SyncRoot)
        {
            Cloud.Record("juju", $"remove-machine -m {model} {machineId}{(options.KeepInstance ? " --keep-instance" : "")}{(options.Force ? " --force" : "")}");
            var target = Get(controller, model);
            var machine = target.Machines.Find(m => m.Id == machineId)
                ?? throw LabJujuException.Refused($"removing machine {machineId} failed: machine {machineId} not found");
            if (target.IsController)
                throw LabJujuException.Refused($"removing machine {machineId} failed: machine {machineId} is required by the model");
            var units = target.Applications.SelectMany(a => a.Units).Where(u => u.Machine == machineId).ToList();
            if (units.Count > 0 && !options.Force)
                throw LabJujuException.Refused($"removing machine {machineId} failed: machine {machineId} has unit \"{units[0].Name}\" assigned");
            var gone = units.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var application in target.Applications)
                application.Units.RemoveAll(u => gone.Contains(u.Name) || (u.Principal is { } p && gone.Contains(p)));
            target.Machines.Remove(machine);
            if (!options.KeepInstance) Release(machine);
        }
    }

    /// <summary>Drops every dying model whose removal is due on the cloud's clock.</summary>
    public void Settle()
    {
        lock (Cloud.SyncRoot)
        {
            var now = Cloud.Time.GetUtcNow();
            foreach (var model in _models.Where(m => m.RemovalDue <= now).ToList())
            {
                _models.Remove(model);
                Cloud.Record("juju", $"model {model.Name} removed");
            }
        }
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
        (options.DestroyStorage ? " --destroy-storage" : "") + (options.Force ? " --force" : "") + (options.NoWait ? " --no-wait" : "")
        + (options.Timeout is { } t ? $" --timeout {t.TotalSeconds}s" : "");
}
