using Slate.Runbook.Core;

namespace Slate.Runbook.Teardown;

/// <summary>
/// What the teardown does: capture the model, destroy it (the destroy path: the hosts decompose out of MAAS), remove a
/// host's machine keeping its instance (the release path), force a lingering machine out, delete an orphan.
/// </summary>
public abstract record TeardownAction : IStepAction<TeardownAction>
{
    private const string CaptureModelKind = "capture-model";
    private const string DestroyModelKind = "destroy-model";
    private const string RemoveMachineKind = "remove-machine";
    private const string ForceRemoveMachineKind = "force-remove-machine";
    private const string DeleteMachineKind = "delete-machine";
    private const string ModelKey = "model";
    private const string MachineKey = "machine";
    private const string HostKey = "host";
    private const string SystemIdKey = "system_id";
    private const string StatusKey = "status";
    private const string StorageKey = "storage";
    private const string HostsKey = "hosts";
    private const string ForceKey = "force";

    private TeardownAction()
    {
    }

    /// <summary>juju export-bundle and status into the run folder (reference only).</summary>
    public sealed record CaptureModel(string Model) : TeardownAction;

    /// <summary>juju destroy-model, destroying its storage (destroy path) or releasing it; then wait for the Hosts (hostname, system_id) to leave MAAS.</summary>
    public sealed record DestroyModel(string Model, bool DestroyStorage, IReadOnlyList<(string Host, string SystemId)> Hosts) : TeardownAction;

    /// <summary>juju remove-machine --keep-instance, forced when the machine hosts units or containers.</summary>
    public sealed record RemoveMachine(string Model, string Machine, string Host, string SystemId, bool Force) : TeardownAction;

    /// <summary>juju remove-machine --force for a machine that outlived the destroy's budget.</summary>
    public sealed record ForceRemoveMachine(string Model, string Machine) : TeardownAction;

    /// <summary>DELETE an orphan machine through the MAAS API, expecting it in Status until it is gone.</summary>
    public sealed record DeleteMachine(string Host, string SystemId, string Status) : TeardownAction;

    public PlannedAction Planned(string description) => this switch
    {
        CaptureModel a => PlannedAction.Of(CaptureModelKind, a.Model, description, (ModelKey, a.Model)),
        DestroyModel a => PlannedAction.Of(DestroyModelKind, a.Model, description, (ModelKey, a.Model), (StorageKey, a.DestroyStorage ? "destroy" : "release"),
            (HostsKey, string.Join(",", a.Hosts.Select(h => $"{h.Host}={h.SystemId}")))),
        RemoveMachine a => PlannedAction.Of(RemoveMachineKind, a.Host, description, (ModelKey, a.Model), (MachineKey, a.Machine), (HostKey, a.Host),
            (SystemIdKey, a.SystemId), (ForceKey, a.Force ? "true" : "false")),
        ForceRemoveMachine a => PlannedAction.Of(ForceRemoveMachineKind, $"machine {a.Machine}", description, (ModelKey, a.Model), (MachineKey, a.Machine)),
        DeleteMachine a => PlannedAction.Of(DeleteMachineKind, a.Host, description, (HostKey, a.Host), (SystemIdKey, a.SystemId), (StatusKey, a.Status)),
        _ => throw new InvalidOperationException($"the teardown has no action {GetType().Name}"),
    };

    public static TeardownAction From(PlannedAction planned) => planned.Kind switch
    {
        CaptureModelKind => new CaptureModel(planned.Argument(ModelKey)),
        DestroyModelKind => new DestroyModel(planned.Argument(ModelKey), planned.Argument(StorageKey) == "destroy",
            [.. planned.Argument(HostsKey).Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=') is [var host, var id] ? (host, id) : throw new InvalidOperationException($"destroy-model: {pair} is not host=system_id"))]),
        RemoveMachineKind => new RemoveMachine(planned.Argument(ModelKey), planned.Argument(MachineKey), planned.Argument(HostKey), planned.Argument(SystemIdKey),
            planned.Argument(ForceKey) == "true"),
        ForceRemoveMachineKind => new ForceRemoveMachine(planned.Argument(ModelKey), planned.Argument(MachineKey)),
        DeleteMachineKind => new DeleteMachine(planned.Argument(HostKey), planned.Argument(SystemIdKey), planned.Argument(StatusKey)),
        _ => throw new InvalidOperationException($"the teardown has no action {planned.Kind}"),
    };
}
