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

    public async Task<ActionResult> ApplyAsync(CarveAction action, CancellationToken ct)
    {
        var (systemId, name) = (action.SystemId, action.Interface);
        var ids = _ids.TryGetValue(systemId, out var known) ? known : _ids[systemId] = new(StringComparer.Ordinal);
        if (action is CarveAction.DeleteInterface delete)
        {
            await MaasWrites.SendAsync(() => maas.DeleteInterfaceAsync(systemId, delete.InterfaceId, ct), time, ct).ConfigureAwait(false);
            return ActionResult.Done($"deleted {name}");
        }
        int IdOf(string interfaceName) => ids.TryGetValue(interfaceName, out var id)
            ? id
            : throw new MaasException(MaasFailure.NotFound, $"{interfaceName} is not on {action.Host} any more: re-run to re-plan");
        var answer = await MaasWrites.SendAsync(() => action switch
        {
            CarveAction.SetVlan a => maas.SetVlanAsync(systemId, a.InterfaceId, a.VlanId, ct),
            CarveAction.SetBridgeType a => maas.SetBridgeTypeAsync(systemId, a.InterfaceId, a.BridgeType, ct),
            CarveAction.CreateBridge a => maas.CreateBridgeAsync(systemId, name, IdOf(a.Parent), a.BridgeType, ct),
            CarveAction.CreateVlan a => maas.CreateVlanInterfaceAsync(systemId, name, IdOf(a.Parent), a.VlanId, ct),
            CarveAction.Unlink a => maas.UnlinkAsync(systemId, a.InterfaceId, a.LinkId, ct),
            CarveAction.Link a => maas.LinkStaticAsync(systemId, IdOf(name), a.SubnetId, a.Address, a.Dropped is not null, ct),
            _ => throw new InvalidOperationException($"the carve has no action {action}"),
        }, time, ct).ConfigureAwait(false);
        ids[answer.Name] = answer.Id;
        return ActionResult.Done($"MAAS now has {answer.Name}: {CarveDiff.Observed(answer)}");
    }
}
