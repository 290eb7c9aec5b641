using Slate.Runbook.Core;
using Slate.Runbook.Ports;

namespace Slate.Runbook.Carve;

/// <summary>
/// Makes one planned change per call, one MAAS write each. Interfaces created earlier in the run are found by name:
/// each write's answer (the interface as MAAS now has it) updates the name → id map the last observation started.
/// </summary>
internal sealed class CarveApplier(IMaas maas, TimeProvider time)
{
    private readonly Dictionary<string, Dictionary<string, int>> _ids = new(StringComparer.Ordinal);

    public void Remember(IEnumerable<MaasMachine> machines)
    {
        _ids.Clear();
        foreach (var machine in machines)
            _ids[machine.SystemId] = machine.Interfaces.ToDictionary(i => i.Name, i => i.Id, StringComparer.Ordinal);
    }

    public async Task<ActionResult> ApplyAsync(PlannedAction action, CancellationToken ct)
    {
        var systemId = action.Argument(CarveArguments.SystemId);
        var name = action.Argument(CarveArguments.Interface);
        var ids = _ids.TryGetValue(systemId, out var known) ? known : _ids[systemId] = new(StringComparer.Ordinal);
        if (action.Kind == CarveActions.DeleteInterface)
        {
            await MaasWrites.SendAsync(() => maas.DeleteInterfaceAsync(systemId, Number(action, CarveArguments.InterfaceId), ct), time, ct)
                .ConfigureAwait(false);
            return ActionResult.Done($"deleted {name}");
        }
        int IdOf(string interfaceName) => ids.TryGetValue(interfaceName, out var id)
            ? id
            : throw new MaasException(MaasFailure.NotFound, $"{interfaceName} is not on {action.Argument(CarveArguments.Host)} any more: re-run to re-plan");
        var answer = await MaasWrites.SendAsync(() => action.Kind switch
        {
            CarveActions.SetVlan => maas.SetVlanAsync(systemId, Number(action, CarveArguments.InterfaceId), Number(action, CarveArguments.VlanId), ct),
            CarveActions.SetBridgeType => maas.SetBridgeTypeAsync(systemId, Number(action, CarveArguments.InterfaceId),
                action.Argument(CarveArguments.BridgeType), ct),
            CarveActions.CreateBridge => maas.CreateBridgeAsync(systemId, name, IdOf(action.Argument(CarveArguments.Parent)),
                action.Argument(CarveArguments.BridgeType), ct),
            CarveActions.CreateVlan => maas.CreateVlanInterfaceAsync(systemId, name, IdOf(action.Argument(CarveArguments.Parent)),
                Number(action, CarveArguments.VlanId), ct),
            CarveActions.Unlink => maas.UnlinkAsync(systemId, Number(action, CarveArguments.InterfaceId), Number(action, CarveArguments.LinkId), ct),
            CarveActions.Link => maas.LinkStaticAsync(systemId, IdOf(name), Number(action, CarveArguments.SubnetId),
                action.Argument(CarveArguments.Address), action.Arguments.ContainsKey(CarveArguments.Force), ct),
            _ => throw new InvalidOperationException($"carve has no action {action.Kind}"),
        }, time, ct).ConfigureAwait(false);
        ids[answer.Name] = answer.Id;
        return ActionResult.Done($"MAAS now has {answer.Name}: {CarveDiff.Observed(answer)}");
    }

    private static int Number(PlannedAction action, string argument) =>
        int.Parse(action.Argument(argument), System.Globalization.CultureInfo.InvariantCulture);
}
